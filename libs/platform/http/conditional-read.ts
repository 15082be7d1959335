import type { Response } from 'express';
import { etagFor, matchesIfNoneMatch } from '../conditional-requests/etag.js';

/** A read's ETag is its version; when If-None-Match already holds that version the answer is 304 with no body. */
export function answerConditionalRead<T extends { version: number }>(res: Response, ifNoneMatch: string | undefined, view: T): T | undefined {
  res.setHeader('ETag', etagFor(view.version));
  if (!matchesIfNoneMatch(ifNoneMatch, view.version)) return view;
  res.status(304);
  return undefined;
}
