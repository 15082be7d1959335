import {
  ProposalCommandType,
  type AmendProposal,
  type DraftProposal,
  type ProposalCommand,
  type SubmitProposal,
  type WithdrawProposal,
} from './commands.js';
import {
  IncompleteProposal,
  InvalidProposal,
  InvalidTransition,
  ProposalAlreadyExists,
  ProposalNotFound,
} from './errors.js';
import { ProposalEventType, type ProposalEvent } from './events.js';
import { classifyProposal } from './project-criteria.js';
import type { ProposalForm } from './proposal-form.js';
import { diffProposalForms } from './proposal-form-diff.js';
import { completeDraftForm, mergeProposalForm } from './proposal-form-merge.js';
import type { ExistingProposal, ProposalState } from './proposal-state.js';
import { missingFieldsForSubmission } from './submission-requirements.js';
import { isBlank, validateProposalForm } from './validate-proposal-form.js';

/**
 * The rules of the proposal lifecycle: draft -> submitted, withdrawn from either; amendments while not withdrawn.
 * Returns the events to record (without metadata) or throws a DomainError.
 */
export function decide(command: ProposalCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case ProposalCommandType.Draft:
      return draft(command, state);
    case ProposalCommandType.Amend:
      return amend(command, state);
    case ProposalCommandType.Submit:
      return submit(command, state);
    case ProposalCommandType.Withdraw:
      return withdraw(command, state);
  }
}

function draft({ data }: DraftProposal, state: ProposalState): ProposalEvent[] {
  if (state.status !== 'none') throw new ProposalAlreadyExists(data.proposalId);
  const form = completeDraftForm(data.form);
  validateProposalForm(form);
  const { proposalId, organisationId } = data;
  return [
    { type: ProposalEventType.Drafted, data: { proposalId, organisationId, form, classification: classifyProposal(form) } },
  ];
}

function amend({ data }: AmendProposal, state: ProposalState): ProposalEvent[] {
  const proposal = existing(state, data.proposalId);
  if (proposal.status === 'withdrawn') throw new InvalidTransition(proposal.status, 'amended');
  const form = mergeProposalForm(proposal.form, data.amendment);
  validateProposalForm(form);
  const { changes, patch } = diffProposalForms(proposal.form, form);
  if (changes.length === 0) return [];
  // A submitted proposal stays submitted, so it must stay as complete as a submission has to be.
  if (proposal.status === 'submitted') requireComplete(form);
  return [
    {
      type: ProposalEventType.Amended,
      data: { proposalId: proposal.proposalId, amendment: patch, changes, classification: classifyProposal(form) },
    },
  ];
}

function submit({ data }: SubmitProposal, state: ProposalState): ProposalEvent[] {
  const proposal = existing(state, data.proposalId);
  if (proposal.status !== 'draft') throw new InvalidTransition(proposal.status, 'submitted');
  requireComplete(proposal.form);
  return [{ type: ProposalEventType.Submitted, data: { proposalId: proposal.proposalId } }];
}

function withdraw({ data }: WithdrawProposal, state: ProposalState): ProposalEvent[] {
  const proposal = existing(state, data.proposalId);
  if (proposal.status === 'withdrawn') throw new InvalidTransition(proposal.status, 'withdrawn');
  if (isBlank(data.reason)) throw new InvalidProposal('reason', 'a withdrawal must state a reason');
  return [{ type: ProposalEventType.Withdrawn, data: { proposalId: proposal.proposalId, reason: data.reason } }];
}

function existing(state: ProposalState, proposalId: string): ExistingProposal {
  if (state.status === 'none') throw new ProposalNotFound(proposalId);
  return state;
}

function requireComplete(form: ProposalForm): void {
  const missing = missingFieldsForSubmission(form);
  if (missing.length > 0) throw new IncompleteProposal(missing);
}
