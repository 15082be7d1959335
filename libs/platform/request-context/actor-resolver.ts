import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../event-store/index.js';

/**
 * Finds who makes a request. One provider, so authentication can replace it (JWT) without touching anything else.
 * Returns the anonymous actor when the request names nobody; throws (e.g. a 401 `ProblemException`) when it names
 * someone it cannot verify. Authorisation (roles, organisation scope) is not its job.
 */
export interface ActorResolver {
  resolve(request: IncomingMessage): Actor | Promise<Actor>;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ subject: 'anonymous', roles: Object.freeze([]), organisationId: null });
