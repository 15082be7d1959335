import { DomainError } from '../../../shared-kernel/domain-error.js';

export { DomainError };

export class OrganisationNotFound extends DomainError {
  override readonly code = 'organisation_not_found';

  constructor(readonly organisationId: string) {
    super(`organisation ${organisationId} does not exist`);
    this.name = 'OrganisationNotFound';
  }
}

export class OrganisationAlreadyExists extends DomainError {
  override readonly code = 'organisation_already_exists';

  constructor(readonly organisationId: string) {
    super(`organisation ${organisationId} already exists`);
    this.name = 'OrganisationAlreadyExists';
  }
}

/** The id is taken, also by a closed department: ids are never reused, so old references stay unambiguous. */
export class DepartmentAlreadyExists extends DomainError {
  override readonly code = 'department_already_exists';

  constructor(readonly departmentId: string) {
    super(`department ${departmentId} already exists in the organisation`);
    this.name = 'DepartmentAlreadyExists';
  }
}

export class DepartmentNotFound extends DomainError {
  override readonly code = 'department_not_found';

  constructor(readonly departmentId: string) {
    super(`department ${departmentId} does not exist in the organisation`);
    this.name = 'DepartmentNotFound';
  }
}

export class DepartmentIsClosed extends DomainError {
  override readonly code = 'department_closed';

  constructor(readonly departmentId: string) {
    super(`department ${departmentId} is closed`);
    this.name = 'DepartmentIsClosed';
  }
}

/** A value breaks a rule of the domain. `field` is a path into the command's data. */
export class InvalidOrganisation extends DomainError {
  override readonly code = 'invalid_organisation';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidOrganisation';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentOrganisationHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`event ${eventType} cannot apply: ${reason}`);
    this.name = 'InconsistentOrganisationHistory';
  }
}
