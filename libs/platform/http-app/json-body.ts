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

/** Deeper than any request of this API needs; far below where recursive validation would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/** How deeply a parsed JSON value nests, walked without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A body nested absurdly deep is refused before validation, which walks it recursively. */
export function jsonDepthMiddleware(): Middleware {
  return (req, _res, next) => {
    const body = (req as IncomingMessage & { body?: unknown }).body;
    if (body !== undefined && jsonDepth(body) > MAX_JSON_DEPTH) {
      const reason = `must not nest deeper than ${MAX_JSON_DEPTH} levels`;
      next(new ProblemException({ status: 400, detail: `The request body ${reason}.`, errors: [{ field: 'body', reason }] }));
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
  app.use(jsonDepthMiddleware());
}
