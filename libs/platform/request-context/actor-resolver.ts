import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../event-store/index.js';

/** Who a request is made by, as its credentials prove. */
export interface Principal {
  readonly actor: Actor;
  /** The department the caller acts for, when its credentials name one (a department member's). */
  readonly departmentId: string | null;
}

/**
 * Finds who makes a request. Returns null when the request carries no credentials, and throws a 401
 * `ProblemException` when it carries credentials that do not prove anyone. Authorisation is not its job: the
 * access guard decides, per route, what the principal may do.
 */
export interface ActorResolver {
  resolve(request: IncomingMessage): Principal | null | Promise<Principal | null>;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ subject: 'anonymous', roles: Object.freeze([]), organisationId: null });
