import { ProblemException } from '../problem/problem.exception.js';
import { RequestContext } from './request-context.js';

/**
 * Data belongs to an organisation: every request acts for one, and sees and changes only that one's data (another's
 * is "not found"). The access-control issue adds roles on top of this scope.
 */
export function actingOrganisation(): string {
  const { actor } = RequestContext.require();
  if (!actor.organisationId) {
    throw new ProblemException({ status: 403, detail: 'This request must be made by someone acting for an organisation.' });
  }
  return actor.organisationId;
}
