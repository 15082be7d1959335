import type { Decider } from '../../event-store/index.js';
import { decide, evolve, initialProposalState, type ProposalCommand, type ProposalEvent, type ProposalState } from '../domain/index.js';

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  decide,
  evolve,
  initialState: initialProposalState,
};

export const proposalStream = (proposalId: string) => `proposal-${proposalId}`;
