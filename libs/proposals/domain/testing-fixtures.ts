/** Builders for the proposals domain's tests. Not part of the public API. */
import {
  ProposalCommandType,
  type AmendProposal,
  type DraftProposal,
  type SubmitProposal,
  type WithdrawProposal,
} from './commands.js';
import { ProposalEventType, type ProposalDrafted, type ProposalSubmitted, type ProposalWithdrawn } from './events.js';
import { classifyProposal } from './project-criteria.js';
import type { Money, ProposalForm } from './proposal-form.js';
import { completeDraftForm, type DraftProposalForm, type ProposalFormPatch } from './proposal-form-merge.js';

export const PROPOSAL_ID = 'proposal-1';
export const ORGANISATION_ID = 'herning';

export function dkk(kroner: number): Money {
  return { amountMinor: kroner * 100, currency: 'DKK' };
}

export const MINIMAL_DRAFT: DraftProposalForm = { title: 'Digital mail for citizens', departmentId: 'citizen-service' };

/** A form with every answer a submission requires; ordinary operations unless the overrides say otherwise. */
export function aCompleteForm(overrides: ProposalFormPatch = {}): ProposalForm {
  return completeDraftForm({
    ...MINIMAL_DRAFT,
    need: { oneYear: 'Answer citizens digitally', multiYear: null },
    investment: { developmentCost: dkk(200_000), yearlyOperationsCost: dkk(20_000), softwareAndHardware: 'A module' },
    systemOwner: { person: { name: 'Karen Jensen', email: 'karen.jensen@herning.dk' } },
    businessValue: { expected: 'Fewer phone calls', businessGoals: ['Better service'] },
    ...overrides,
  });
}

export function draftProposal(form: DraftProposalForm = MINIMAL_DRAFT): DraftProposal {
  return { type: ProposalCommandType.Draft, data: { proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, form } };
}

export function amendProposal(amendment: ProposalFormPatch): AmendProposal {
  return { type: ProposalCommandType.Amend, data: { proposalId: PROPOSAL_ID, amendment } };
}

export function submitProposal(): SubmitProposal {
  return { type: ProposalCommandType.Submit, data: { proposalId: PROPOSAL_ID } };
}

export function withdrawProposal(reason = 'Solved by the national solution'): WithdrawProposal {
  return { type: ProposalCommandType.Withdraw, data: { proposalId: PROPOSAL_ID, reason } };
}

export function proposalDrafted(form: ProposalForm = completeDraftForm(MINIMAL_DRAFT)): ProposalDrafted {
  return {
    type: ProposalEventType.Drafted,
    data: { proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, form, classification: classifyProposal(form) },
  };
}

export function proposalSubmitted(): ProposalSubmitted {
  return { type: ProposalEventType.Submitted, data: { proposalId: PROPOSAL_ID } };
}

export function proposalWithdrawn(reason = 'Solved by the national solution'): ProposalWithdrawn {
  return { type: ProposalEventType.Withdrawn, data: { proposalId: PROPOSAL_ID, reason } };
}
