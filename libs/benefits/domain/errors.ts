import { DomainError } from '../../shared-kernel/domain-error.js';
import type { Period } from './periods.js';

export { DomainError };

export class BusinessCaseNotFound extends DomainError {
  override readonly code = 'business_case_not_found';

  constructor(readonly projectId: string) {
    super(`project ${projectId} has no business case`);
    this.name = 'BusinessCaseNotFound';
  }
}

/** One business case per project. */
export class BusinessCaseAlreadyPrepared extends DomainError {
  override readonly code = 'business_case_already_prepared';

  constructor(readonly projectId: string) {
    super(`project ${projectId} already has a business case: revise it instead`);
    this.name = 'BusinessCaseAlreadyPrepared';
  }
}

export class InvalidBenefitRequest extends DomainError {
  override readonly code = 'invalid_benefit_request';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidBenefitRequest';
  }
}

export class BenefitNotFound extends DomainError {
  override readonly code = 'benefit_not_found';

  constructor(
    readonly projectId: string,
    readonly benefitId: string,
  ) {
    super(`the business case of project ${projectId} has no benefit ${benefitId}`);
    this.name = 'BenefitNotFound';
  }
}

export class BenefitIdInUse extends DomainError {
  override readonly code = 'benefit_id_in_use';

  constructor(readonly benefitId: string) {
    super(`benefit ${benefitId} is already defined differently`);
    this.name = 'BenefitIdInUse';
  }
}

/**
 * A period has one current measurement: a second must say which one it corrects (and why), and may only correct the
 * current one, so "what we knew then" and "what we know now" both stay answerable.
 */
export class MeasurementConflict extends DomainError {
  override readonly code = 'measurement_conflict';

  constructor(
    readonly benefitId: string,
    readonly period: Period,
    readonly currentMeasurementId: string | null,
    readonly reason: string,
  ) {
    super(`benefit ${benefitId}, period ${period}: ${reason}`);
    this.name = 'MeasurementConflict';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentBenefitHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentBenefitHistory';
  }
}
