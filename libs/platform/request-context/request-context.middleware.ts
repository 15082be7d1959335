import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS_ACTOR, type ActorResolver } from './actor-resolver.js';
import { RequestContext, type RequestContextData } from './request-context.js';

/** Ids from clients end up in logs and events: accept only plain tokens. */
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Opens the request's context (ids, actor) for everything after it, echoes the ids, and resolves the actor.
 * Registered first, so that even a rejected body or an unknown route is answered and logged with its ids.
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
          (actor) => RequestContext.run({ ...base, actor }, () => next()),
          (error: unknown) => next(error),
        );
    });
  };
}

function acceptedId(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const id = (Array.isArray(value) ? value[0] : value)?.trim();
  return id && ID.test(id) ? id : undefined;
}
