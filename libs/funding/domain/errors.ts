import { DomainError } from '../../shared-kernel/domain-error.js';
import type { Money } from '../../shared-kernel/money.js';

export { DomainError };

export class FundingPoolNotFound extends DomainError {
  override readonly code = 'funding_pool_not_found';

  constructor(readonly poolId: string) {
    super(`funding pool ${poolId} does not exist`);
    this.name = 'FundingPoolNotFound';
  }
}

/** One pool per forum, year and investment area (or none): the pool id is derived from them. */
export class FundingPoolAlreadyExists extends DomainError {
  override readonly code = 'funding_pool_already_exists';

  constructor(readonly poolId: string) {
    super(`funding pool ${poolId} already exists`);
    this.name = 'FundingPoolAlreadyExists';
  }
}

/** A command's content breaks a rule. `field` is a dot path into the command (e.g. `amount.currency`). */
export class InvalidFundingRequest extends DomainError {
  override readonly code = 'invalid_funding_request';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidFundingRequest';
  }
}

/** The commitment asks for more than the pool has left. */
export class InsufficientFunds extends DomainError {
  override readonly code = 'insufficient_funds';

  constructor(
    readonly poolId: string,
    readonly requested: Money,
    readonly available: Money,
  ) {
    super(`funding pool ${poolId} has ${available.amountMinor} ${available.currency} (minor units) available, ${requested.amountMinor} requested`);
    this.name = 'InsufficientFunds';
  }
}

/** The development pool funds development only; operations are paid by the one who ordered the solution. */
export class OperationsCostsNotFundable extends DomainError {
  override readonly code = 'operations_costs_not_fundable';

  constructor(readonly poolId: string) {
    super(`funding pool ${poolId} funds development only, never operations: those are paid by the one who ordered the solution`);
    this.name = 'OperationsCostsNotFundable';
  }
}

/** An adjustment may not take the pool below what it has already committed: the balance never goes negative. */
export class AdjustmentBelowCommitted extends DomainError {
  override readonly code = 'adjustment_below_committed';

  constructor(
    readonly poolId: string,
    readonly requested: Money,
    readonly committed: Money,
  ) {
    super(`funding pool ${poolId} has ${committed.amountMinor} committed; its amount cannot become ${requested.amountMinor}`);
    this.name = 'AdjustmentBelowCommitted';
  }
}

export class CommitmentNotFound extends DomainError {
  override readonly code = 'commitment_not_found';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
  ) {
    super(`funding pool ${poolId} has no commitment ${commitmentId}`);
    this.name = 'CommitmentNotFound';
  }
}

/** The commitment id is taken by another commitment (or one since released): a new commitment needs a new id. */
export class CommitmentIdInUse extends DomainError {
  override readonly code = 'commitment_id_in_use';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
  ) {
    super(`funding pool ${poolId} already has a different commitment ${commitmentId}`);
    this.name = 'CommitmentIdInUse';
  }
}

/** The commitment has a payback agreement already, on other terms: one agreement per commitment. */
export class PaybackAgreementExists extends DomainError {
  override readonly code = 'payback_agreement_exists';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
  ) {
    super(`commitment ${commitmentId} of funding pool ${poolId} already has a payback agreement on other terms`);
    this.name = 'PaybackAgreementExists';
  }
}

export class PaybackAgreementNotFound extends DomainError {
  override readonly code = 'payback_agreement_not_found';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
  ) {
    super(`commitment ${commitmentId} of funding pool ${poolId} has no payback agreement`);
    this.name = 'PaybackAgreementNotFound';
  }
}

/** Paybacks follow a commitment that stands: a released commitment takes no agreement and no payments. */
export class CommitmentReleased extends DomainError {
  override readonly code = 'commitment_released';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
  ) {
    super(`commitment ${commitmentId} of funding pool ${poolId} was released: nothing is paid back on it`);
    this.name = 'CommitmentReleased';
  }
}

/** Money was paid back on the commitment: releasing it too would return the investment to the pool twice. */
export class CommitmentHasPaybacks extends DomainError {
  override readonly code = 'commitment_has_paybacks';

  constructor(
    readonly poolId: string,
    readonly commitmentId: string,
    readonly paidBack: Money,
  ) {
    super(`commitment ${commitmentId} of funding pool ${poolId} has ${paidBack.amountMinor} paid back: it cannot be released`);
    this.name = 'CommitmentHasPaybacks';
  }
}

/** A payment beyond what its installment still owes: paybacks never exceed the schedule, and so never the investment. */
export class PaymentExceedsInstallment extends DomainError {
  override readonly code = 'payment_exceeds_installment';

  constructor(
    readonly commitmentId: string,
    readonly partyId: string,
    readonly year: number,
    readonly requested: Money,
    readonly outstanding: Money,
  ) {
    super(`${partyId} owes ${outstanding.amountMinor} for ${year} on commitment ${commitmentId}; ${requested.amountMinor} was paid`);
    this.name = 'PaymentExceedsInstallment';
  }
}

/** The payment id is taken by another payment: a new payment needs a new id. */
export class PaymentIdInUse extends DomainError {
  override readonly code = 'payment_id_in_use';

  constructor(
    readonly commitmentId: string,
    readonly paymentId: string,
  ) {
    super(`the payback agreement of commitment ${commitmentId} already has a different payment ${paymentId}`);
    this.name = 'PaymentIdInUse';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentFundingHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentFundingHistory';
  }
}
