import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { InvalidAsOf } from '../domain/as-of.js';

/** A point in time the service cannot place is bad input: 400 naming the parameter. */
export const timeTravelProblemMapper: ProblemMapper = (error) => {
  if (!(error instanceof InvalidAsOf)) return undefined;
  return new ProblemException({ status: 400, title: 'Invalid point in time', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
};
