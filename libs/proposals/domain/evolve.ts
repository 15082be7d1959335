import { InconsistentProposalHistory } from './errors.js';
import { ProposalEventType, type ProposalEvent } from './events.js';
import { mergeProposalForm } from './proposal-form-merge.js';
import type { ExistingProposal, ProposalState } from './proposal-state.js';

/**
 * Folds one recorded fact into the state. Events are facts, so nothing is re-validated here; the classification
 * is taken from the event (what was decided then) rather than recomputed with today's rules.
 */
export function evolve(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case ProposalEventType.Drafted: {
      if (state.status !== 'none') throw new InconsistentProposalHistory(event.type, state.status);
      const { proposalId, organisationId, form, classification } = event.data;
      return { status: 'draft', proposalId, organisationId, form, classification, withdrawalReason: null };
    }
    case ProposalEventType.Amended: {
      const proposal = existing(state, event);
      const form = mergeProposalForm(proposal.form, event.data.amendment);
      return { ...proposal, form, classification: event.data.classification };
    }
    case ProposalEventType.Submitted:
      return { ...existing(state, event), status: 'submitted' };
    case ProposalEventType.Withdrawn:
      return { ...existing(state, event), status: 'withdrawn', withdrawalReason: event.data.reason };
  }
}

function existing(state: ProposalState, event: ProposalEvent): ExistingProposal {
  if (state.status === 'none') throw new InconsistentProposalHistory(event.type, state.status);
  return state;
}
