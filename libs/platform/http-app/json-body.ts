import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '../problem/problem.exception.js';
import type { Middleware } from '../request-context/request-context.middleware.js';

/** `application/json` and its structured-syntax relatives (`application/merge-patch+json`, ...). */
const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return !!type && (type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type));
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** A body in another format would otherwise be skipped by the parser and fail validation as if empty. */
export function jsonOnlyMiddleware(): Middleware {
  return (req, _res, next) => {
    if (hasBody(req) && !isJsonMediaType(req.headers['content-type'])) {
      next(new ProblemException({ status: 415, detail: 'Send the request body as application/json.' }));
      return;
    }
    next();
  };
}

/**
 * The JSON parser with the configured size limit. Its failures (malformed JSON, too large, bad charset) reach the
 * problem filter through Nest's error handler.
 */
export function useJsonBody(app: NestExpressApplication, limit: string): void {
  app.use(jsonOnlyMiddleware());
  app.useBodyParser('json', { limit, type: JSON_MEDIA_TYPES });
}
