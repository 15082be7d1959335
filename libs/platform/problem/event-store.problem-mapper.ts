import {
  describeExpectedVersion,
  IdempotencyViolationError,
  WrongExpectedVersionError,
} from '../../event-store/index.js';
import { ProblemTypes } from './problem-document.js';
import { ProblemException } from './problem.exception.js';
import type { ProblemMapper } from './problem-mapper.js';

/** Optimistic-concurrency and idempotency failures of the event store become 409s the client can act on. */
export const eventStoreProblemMapper: ProblemMapper = (error) => {
  if (error instanceof WrongExpectedVersionError) {
    return new ProblemException(
      {
        status: 409,
        type: ProblemTypes.versionConflict,
        title: 'Version conflict',
        detail:
          `The resource was changed by someone else: it is at version ${error.actualVersion}, ` +
          `the request expected ${describeExpectedVersion(error.expected)}. Reload it and try again.`,
        extensions: { currentVersion: error.actualVersion },
      },
      { cause: error },
    );
  }
  if (error instanceof IdempotencyViolationError) {
    return new ProblemException(
      {
        status: 409,
        type: ProblemTypes.idempotencyViolation,
        title: 'Idempotency violation',
        detail: 'The request reuses the identifiers of an earlier, different request.',
      },
      { cause: error },
    );
  }
  return undefined;
};
