import { DomainError } from '../../shared-kernel/domain-error.js';
import type { IsoDate } from './cost-allocation-key.js';

export class CostAllocationKeyNotFound extends DomainError {
  override readonly code = 'cost_allocation_key_not_found';

  constructor(readonly keyId: string) {
    super(`cost allocation key ${keyId} does not exist`);
    this.name = 'CostAllocationKeyNotFound';
  }
}

export class CostAllocationKeyAlreadyExists extends DomainError {
  override readonly code = 'cost_allocation_key_already_exists';

  constructor(readonly keyId: string) {
    super(`cost allocation key ${keyId} already exists`);
    this.name = 'CostAllocationKeyAlreadyExists';
  }
}

/** A command's content breaks a rule. `field` is a dot path into the request (e.g. `terms.parties[2].quantity`). */
export class InvalidCostAllocationKey extends DomainError {
  override readonly code = 'invalid_cost_allocation_key';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidCostAllocationKey';
  }
}

/** Terms from this date exist already: history is kept, so figures for a date are stated once. */
export class TermsAlreadyEffective extends DomainError {
  override readonly code = 'terms_already_effective';

  constructor(
    readonly keyId: string,
    readonly effectiveFrom: IsoDate,
  ) {
    super(`cost allocation key ${keyId} has terms effective from ${effectiveFrom} already`);
    this.name = 'TermsAlreadyEffective';
  }
}

/** The date is before the key's first terms: no key is in force to split by. */
export class NoTermsInForce extends DomainError {
  override readonly code = 'no_terms_in_force';

  constructor(
    readonly keyId: string,
    readonly on: IsoDate,
    readonly firstEffectiveFrom: IsoDate,
  ) {
    super(`cost allocation key ${keyId} takes effect on ${firstEffectiveFrom}; nothing is in force on ${on}`);
    this.name = 'NoTermsInForce';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentCostAllocationHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentCostAllocationHistory';
  }
}
