import { ProblemException } from '../problem/problem.exception.js';
import type { ProblemMapper } from '../problem/problem-mapper.js';

/** How long a client should wait before retrying while the database is away: about a restart's length. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Socket-level failures to reach the server (Node's `net` codes). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that say the session or the server went away, not that the statement was wrong: class 08 (connection
 * exception), the server shutting down or starting (57P01-57P03), too many connections (53300), and this session
 * ended by `idle_in_transaction_session_timeout` (25P03).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '25P03']);

/** What `pg` and its pool throw, without a code, when the connection is gone or never came. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection ended unexpectedly',
];

/**
 * True when the error (or what it wraps: TypeORM's `driverError`, a `cause`, an AggregateError's `errors`) means the
 * database could not be reached, rather than that the request or the code was wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.startsWith(m))) return true;
  const wrapped = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return wrapped.some((inner) => inner !== undefined && isDatabaseUnavailable(inner, depth + 1));
}

/**
 * While the database is away (restarting, failing over, out of connections) a request is answered 503 with
 * `Retry-After`, not 500: nothing the client did is wrong, and a retry with the same Idempotency-Key is safe.
 */
export const databaseUnavailableProblemMapper: ProblemMapper = (error) => {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new ProblemException(
    {
      status: 503,
      title: 'Database unavailable',
      detail: 'The service cannot reach its database right now. Retry the request (with the same Idempotency-Key) shortly.',
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    },
    { cause: error },
  );
};
