import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '../problem/problem.exception.js';
import { ANONYMOUS_ACTOR, type ActorResolver } from './actor-resolver.js';
import { RequestContext, type RequestContextData } from './request-context.js';

/** Ids from clients end up in logs and events: accept only plain tokens. */
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Opens the request's context (ids, actor) for everything after it, echoes the ids, and authenticates the caller.
 * Registered first, so that even a rejected body or an unknown route is answered and logged with its ids. Refused
 * credentials are kept in the context rather than answered here: a public route (health) still answers, and an
 * unknown route is still 404; the access guard answers 401 for every other route.
 */
export function requestContextMiddleware(actors: ActorResolver): Middleware {
  return (req, res, next) => {
    const requestId = acceptedId(req, 'x-request-id') ?? randomUUID();
    const correlationId = acceptedId(req, 'x-correlation-id') ?? requestId;
    const causationId = acceptedId(req, 'x-causation-id') ?? requestId;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Correlation-Id', correlationId);
    const base: RequestContextData = { requestId, correlationId, causationId, actor: ANONYMOUS_ACTOR };

    RequestContext.run(base, () => {
      Promise.resolve()
        .then(() => actors.resolve(req))
        .then(
          (principal) => {
            const context = principal ? { ...base, actor: principal.actor, departmentId: principal.departmentId, authenticated: true } : base;
            RequestContext.run(context, () => next());
          },
          (error: unknown) => {
            if (error instanceof ProblemException && error.problem.status === 401) RequestContext.run({ ...base, authenticationFailure: error }, () => next());
            else next(error);
          },
        );
    });
  };
}

function acceptedId(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const id = (Array.isArray(value) ? value[0] : value)?.trim();
  return id && ID.test(id) ? id : undefined;
}
