import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { InvalidAuditCursor } from '../application/audit-log.js';
import { DecisionRecordNotFound } from '../application/what-the-forum-saw.js';

export const auditProblemMapper: ProblemMapper = (error) => {
  if (error instanceof InvalidAuditCursor) return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  if (error instanceof DecisionRecordNotFound) {
    return new ProblemException({ status: 404, title: 'Decision not found', detail: 'No decision has this id.', errors: [{ field: 'decisionId', reason: 'is not a decision id' }] });
  }
  return undefined;
};
