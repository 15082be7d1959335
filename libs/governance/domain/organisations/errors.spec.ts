import { describe, expect, it } from '@jest/globals';
import {
  DepartmentAlreadyExists,
  DepartmentIsClosed,
  DepartmentNotFound,
  DomainError,
  InvalidOrganisation,
  OrganisationAlreadyExists,
  OrganisationNotFound,
} from './errors.js';

describe('organisation errors', () => {
  it.each([
    [new OrganisationNotFound('o'), 'organisation_not_found', { organisationId: 'o' }],
    [new OrganisationAlreadyExists('o'), 'organisation_already_exists', { organisationId: 'o' }],
    [new DepartmentAlreadyExists('d'), 'department_already_exists', { departmentId: 'd' }],
    [new DepartmentNotFound('d'), 'department_not_found', { departmentId: 'd' }],
    [new DepartmentIsClosed('d'), 'department_closed', { departmentId: 'd' }],
    [new InvalidOrganisation('name', 'must not be empty'), 'invalid_organisation', { field: 'name', reason: 'must not be empty' }],
  ])('%s carries a stable code and its details', (error, code, details) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, ...details, name: error.constructor.name });
  });
});
