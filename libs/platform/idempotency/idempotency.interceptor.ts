import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { PINO_LOGGER, type PinoLogger } from '../logging/pino-logger.js';
import { ProblemTypes } from '../problem/problem-document.js';
import { ProblemException } from '../problem/problem.exception.js';
import { RequestContext } from '../request-context/request-context.js';
import { IDEMPOTENT, type IdempotentOptions } from './idempotent.decorator.js';
import { IdempotencyStore, type StoredResponse } from './idempotency.store.js';
import { requestHash } from './request-hash.js';

/** The response headers a replay must repeat: where the resource is, its version, and the log position to wait for. */
const REPLAYED_HEADERS = ['location', 'etag', 'x-log-position'];

const KEY = /^[\x21-\x7e]{1,255}$/;

interface BodyRequest extends IncomingMessage {
  readonly body?: unknown;
  readonly originalUrl?: string;
}

/**
 * Runs handlers marked `@Idempotent()` at most once per `Idempotency-Key`, method, path and actor: the first
 * request reserves the key and stores its response; retries get that response back.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(PINO_LOGGER) private readonly logger: PinoLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<BodyRequest>();
    const res = context.switchToHttp().getResponse<ServerResponse>();

    const key = headerValue(req, 'idempotency-key');
    if (key === undefined) {
      if (options.required) throw ProblemException.badRequest('This request needs an Idempotency-Key header.');
      return next.handle();
    }
    if (!KEY.test(key)) {
      throw ProblemException.badRequest('The Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    // a key belongs to one caller acting for one organisation: the same person for another one is another caller
    const actor = RequestContext.current()?.actor;
    const scope = `${req.method} ${path} ${actor?.subject ?? 'anonymous'}@${actor?.organisationId ?? '-'}`;

    return from(this.store.reserve(scope, key, requestHash(req.body))).pipe(
      mergeMap((reservation) => {
        switch (reservation.outcome) {
          case 'reserved':
            return this.runOnce(next, res, scope, key);
          case 'completed':
            return of(replay(res, reservation.response));
          case 'mismatch':
            throw new ProblemException({
              status: 422,
              type: ProblemTypes.idempotencyKeyReused,
              title: 'Idempotency key reused',
              detail: 'This Idempotency-Key was used for a request with a different body. Use a new key for a new request.',
            });
          case 'in_flight':
            throw new ProblemException({
              status: 409,
              type: ProblemTypes.idempotencyKeyInFlight,
              title: 'Request in progress',
              detail: 'A request with this Idempotency-Key is still being processed. Retry later.',
              headers: { 'Retry-After': '1' },
            });
        }
      }),
    );
  }

  private runOnce(next: CallHandler, res: ServerResponse, scope: string, key: string): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body) => {
        const stored: StoredResponse = { status: res.statusCode, headers: pickHeaders(res), body: toJson(body) };
        // The handler's effects are done: failing to record them must not turn its success into an error (the
        // client would retry into a second run). The key then stays reserved until its lease ends.
        await this.store.complete(scope, key, stored).catch((error: unknown) => {
          this.logger.error({ err: error }, 'could not record the response of an idempotent request');
        });
        return body;
      }),
      catchError((error: unknown) =>
        from(
          this.store.release(scope, key).catch((releaseError: unknown) => {
            this.logger.error({ err: releaseError }, 'could not release an idempotency key');
          }),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}

function replay(res: ServerResponse, response: StoredResponse): unknown {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  return response.body ?? undefined;
}

function pickHeaders(res: ServerResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/** The body as it will be sent (after `toJSON`s), which is what a replay must send again. */
function toJson(body: unknown): unknown {
  return body === undefined ? undefined : JSON.parse(JSON.stringify(body));
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}
