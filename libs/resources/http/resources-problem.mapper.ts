import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import {
  AssignmentNotFound,
  CapacityBelowLoans,
  InvalidResourceRequest,
  LoanExceedsCapacity,
  LoanNotFound,
  ProjectNotFound,
  ResourceItemIdInUse,
  ResourceNotFound,
  RoleAlreadyDefined,
  RoleNotFound,
} from '../domain/index.js';
import { PlanPreconditionRequired } from '../application/application.errors.js';
import { InvalidResourceCursor } from '../read-models/resource-lists.query.js';

/** Resource errors as problems: unknown 404, conflicts with what is lent or recorded 409, rule violations 422. */
export const resourcesProblemMapper: ProblemMapper = (error) => {
  if (error instanceof RoleNotFound) return new ProblemException({ status: 404, title: 'Role not found', detail: error.message, extensions: { roleId: error.roleId } });
  if (error instanceof ResourceNotFound) return new ProblemException({ status: 404, title: 'Resource not found', detail: error.message });
  if (error instanceof ProjectNotFound) return new ProblemException({ status: 404, title: 'Project not found', detail: error.message });
  if (error instanceof LoanNotFound) return new ProblemException({ status: 404, title: 'Loan not found', detail: error.message, extensions: { loanId: error.loanId } });
  if (error instanceof AssignmentNotFound) {
    return new ProblemException({ status: 404, title: 'Assignment not found', detail: error.message, extensions: { assignmentId: error.assignmentId } });
  }
  if (error instanceof RoleAlreadyDefined) {
    return new ProblemException({ status: 409, title: 'Role already defined', detail: error.message, errors: [{ field: 'roleId', reason: 'is the id of a role already defined' }] });
  }
  if (error instanceof InvalidResourceRequest) {
    return new ProblemException({ status: 422, title: 'Invalid resource request', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof LoanExceedsCapacity) {
    return new ProblemException({
      status: 409,
      title: 'Loan exceeds capacity',
      detail: error.message,
      errors: [{ field: 'hoursPerMonth', reason: `must be at most ${error.availableHours}, what is left to lend in ${error.month}` }],
      extensions: { month: error.month, availableHours: error.availableHours },
    });
  }
  if (error instanceof CapacityBelowLoans) {
    return new ProblemException({
      status: 409,
      title: 'Capacity below what is lent',
      detail: `${error.message}; cancel the loan first.`,
      errors: [{ field: 'hoursPerMonth', reason: `must be at least ${error.lentHours}, what is lent out in ${error.month}` }],
      extensions: { month: error.month, lentHours: error.lentHours },
    });
  }
  if (error instanceof ResourceItemIdInUse) {
    return new ProblemException({ status: 409, title: 'Id in use', detail: error.message, errors: [{ field: error.field, reason: 'is the id of another one' }] });
  }
  if (error instanceof PlanPreconditionRequired) {
    return new ProblemException({ status: 428, detail: error.message, errors: [{ field: 'If-Match', reason: 'is required' }] });
  }
  if (error instanceof InvalidResourceCursor) return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  return undefined;
};
