import { ProblemException, type ProblemMapper } from '../../../platform/index.js';
import {
  DepartmentAlreadyExists,
  DepartmentIsClosed,
  DepartmentNotFound,
  DomainError,
  InvalidOrganisation,
  OrganisationAlreadyExists,
  OrganisationNotFound,
} from '../../domain/organisations/index.js';

/** The request bodies call both the organisation's and the department's id `id`. */
const REQUEST_FIELD: Readonly<Record<string, string>> = { organisationId: 'id', departmentId: 'id' };

const problem = (error: DomainError, status: number, title: string, extensions: Record<string, unknown> = {}) =>
  new ProblemException({ status, title, detail: error.message, extensions: { code: error.code, ...extensions } }, { cause: error });

/** The organisation domain's errors as problems: unknown 404, conflicts with what exists 409, invalid content 422. */
export const organisationProblemMapper: ProblemMapper = (error) => {
  if (error instanceof OrganisationNotFound) return problem(error, 404, 'Organisation not found', { organisationId: error.organisationId });
  if (error instanceof OrganisationAlreadyExists) {
    return problem(error, 409, 'Organisation already registered', { organisationId: error.organisationId });
  }
  if (error instanceof DepartmentNotFound) return problem(error, 404, 'Department not found', { departmentId: error.departmentId });
  if (error instanceof DepartmentAlreadyExists) {
    return new ProblemException(
      {
        status: 409,
        title: 'Department already exists',
        detail: `${error.message}; department ids are never reused, also not after a department is closed`,
        errors: [{ field: 'id', reason: 'is already taken in the organisation' }],
        extensions: { code: error.code, departmentId: error.departmentId },
      },
      { cause: error },
    );
  }
  if (error instanceof DepartmentIsClosed) return problem(error, 409, 'Department is closed', { departmentId: error.departmentId });
  if (error instanceof InvalidOrganisation) {
    return new ProblemException(
      {
        status: 422,
        title: 'Invalid organisation',
        detail: error.message,
        errors: [{ field: REQUEST_FIELD[error.field] ?? error.field, reason: error.reason }],
        extensions: { code: error.code },
      },
      { cause: error },
    );
  }
  return undefined;
};
