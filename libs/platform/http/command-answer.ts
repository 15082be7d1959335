import type { Response } from 'express';
import { formatLogPosition, type LogPosition } from '../../event-store/index.js';
import { etagFor } from '../conditional-requests/etag.js';

/**
 * The headers of every command's answer: the stream's new version as ETag (the next If-Match) and, when events were
 * appended, their log position, which a following list read can wait for with X-Min-Position.
 */
export function setCommandHeaders(res: Response, version: number, position: LogPosition | null | undefined): void {
  res.setHeader('ETag', etagFor(version));
  if (position) res.setHeader('X-Log-Position', formatLogPosition(position));
}
