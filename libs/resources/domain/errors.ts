import { DomainError } from '../../shared-kernel/domain-error.js';
import type { Month } from './months.js';

export { DomainError };

/** A command's content breaks a rule. `field` is a dot path into the request (e.g. `ftePercent`). */
export class InvalidResourceRequest extends DomainError {
  override readonly code = 'invalid_resource_request';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidResourceRequest';
  }
}

export class RoleNotFound extends DomainError {
  override readonly code = 'role_not_found';

  constructor(readonly roleId: string) {
    super(`role ${roleId} is not defined`);
    this.name = 'RoleNotFound';
  }
}

export class RoleAlreadyDefined extends DomainError {
  override readonly code = 'role_already_defined';

  constructor(readonly roleId: string) {
    super(`role ${roleId} is already defined`);
    this.name = 'RoleAlreadyDefined';
  }
}

export class ResourceNotFound extends DomainError {
  override readonly code = 'resource_not_found';

  constructor(readonly resourceId: string) {
    super(`resource ${resourceId} does not exist`);
    this.name = 'ResourceNotFound';
  }
}

/** Demand and assignments are for portfolio projects of the acting organisation. */
export class ProjectNotFound extends DomainError {
  override readonly code = 'project_not_found';

  constructor(readonly projectId: string) {
    super(`project ${projectId} is not in the organisation's portfolio`);
    this.name = 'ProjectNotFound';
  }
}

/** A resource cannot lend more than its capacity in a month, counting the loans it already has. */
export class LoanExceedsCapacity extends DomainError {
  override readonly code = 'loan_exceeds_capacity';

  constructor(
    readonly resourceId: string,
    readonly month: Month,
    readonly requestedHours: number,
    readonly availableHours: number,
  ) {
    super(`resource ${resourceId} has ${availableHours} hours left to lend in ${month}, ${requestedHours} requested`);
    this.name = 'LoanExceedsCapacity';
  }
}

/** Capacity cannot drop below what is already lent out in a month: cancel the loan first. */
export class CapacityBelowLoans extends DomainError {
  override readonly code = 'capacity_below_loans';

  constructor(
    readonly resourceId: string,
    readonly month: Month,
    readonly lentHours: number,
  ) {
    super(`resource ${resourceId} has lent out ${lentHours} hours in ${month}: its capacity cannot be less`);
    this.name = 'CapacityBelowLoans';
  }
}

export class LoanNotFound extends DomainError {
  override readonly code = 'loan_not_found';

  constructor(
    readonly resourceId: string,
    readonly loanId: string,
  ) {
    super(`resource ${resourceId} has no loan ${loanId}`);
    this.name = 'LoanNotFound';
  }
}

export class AssignmentNotFound extends DomainError {
  override readonly code = 'assignment_not_found';

  constructor(
    readonly resourceId: string,
    readonly assignmentId: string,
  ) {
    super(`resource ${resourceId} has no assignment ${assignmentId}`);
    this.name = 'AssignmentNotFound';
  }
}

/** A loan or assignment id names another loan or assignment: a new one needs a new id. */
export class ResourceItemIdInUse extends DomainError {
  override readonly code = 'resource_item_id_in_use';

  constructor(
    readonly field: 'loanId' | 'assignmentId',
    readonly id: string,
  ) {
    super(`${field} ${id} is the id of a different ${field === 'loanId' ? 'loan' : 'assignment'}`);
    this.name = 'ResourceItemIdInUse';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentResourceHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentResourceHistory';
  }
}
