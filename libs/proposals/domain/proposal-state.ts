import type { ProjectClassification } from './project-criteria.js';
import type { ProposalForm } from './proposal-form.js';

/** The statuses of this slice of the lifecycle: need -> proposal (draft, submitted), or withdrawn. */
export type ProposalStatus = 'draft' | 'submitted' | 'withdrawn';

/** Before the first event: the proposal does not exist. */
export interface NoProposal {
  readonly status: 'none';
}

export interface ExistingProposal {
  readonly status: ProposalStatus;
  readonly proposalId: string;
  readonly organisationId: string;
  readonly form: ProposalForm;
  readonly classification: ProjectClassification;
  /** Set once withdrawn. */
  readonly withdrawalReason: string | null;
}

export type ProposalState = NoProposal | ExistingProposal;

export function initialProposalState(): ProposalState {
  return { status: 'none' };
}
