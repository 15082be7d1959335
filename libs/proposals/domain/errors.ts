import { DomainError } from '../../shared-kernel/domain-error.js';
import type { ProposalStatus } from './proposal-state.js';

export { DomainError };

export class ProposalNotFound extends DomainError {
  override readonly code = 'proposal_not_found';

  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} does not exist`);
    this.name = 'ProposalNotFound';
  }
}

export class ProposalAlreadyExists extends DomainError {
  override readonly code = 'proposal_already_exists';

  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} already exists`);
    this.name = 'ProposalAlreadyExists';
  }
}

/** `to` is the status the command would lead to, or `amended` for an amendment (which keeps the status). */
export class InvalidTransition extends DomainError {
  override readonly code = 'invalid_transition';

  constructor(
    readonly from: ProposalStatus,
    readonly to: ProposalStatus | 'amended',
  ) {
    super(`a proposal cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransition';
  }
}

/** A submission (or an amendment of a submitted proposal) lacks answers the call requires. */
export class IncompleteProposal extends DomainError {
  override readonly code = 'incomplete_proposal';

  constructor(readonly missingFields: readonly string[]) {
    super(`the proposal lacks: ${missingFields.join(', ')}`);
    this.name = 'IncompleteProposal';
  }
}

/** An answer breaks a rule of the domain. `field` is a dot path into the form (or the command's own field). */
export class InvalidProposal extends DomainError {
  override readonly code = 'invalid_proposal';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidProposal';
  }
}

/** The stored history cannot be replayed (e.g. an amendment before the draft): a defect, not a user error. */
export class InconsistentProposalHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly status: string,
  ) {
    super(`event ${eventType} cannot apply to a proposal in state ${status}`);
    this.name = 'InconsistentProposalHistory';
  }
}
