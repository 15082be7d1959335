import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { toInteger } from './query-transforms.js';

/** `Link: rel="next"` is this very request with the next cursor, so every filter and the limit carry over. */
export function setNextPageLink(req: Request, res: Response, nextCursor: string | null | undefined): void {
  if (!nextCursor) return;
  const next = new URL(req.originalUrl, 'http://local');
  next.searchParams.set('cursor', nextCursor);
  res.setHeader('Link', `<${next.pathname}${next.search}>; rel="next"`);
}

// applyDecorators runs its list first to last; stacked decorators run bottom to top. The lists below are in the
// stacked order's run order, so class-validator reports failing constraints in the same order as before.

/** `?limit=`: a whole number from 1 to `max`; the list answers `fallback` items when absent. */
export const PageLimit = (max: number, fallback: number) =>
  applyDecorators(Max(max), Min(1), IsInt(), Transform(toInteger), IsOptional(), ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }));

/** `?cursor=`: opaque, only ever one this service handed out as `nextCursor`. */
export const PageCursor = () =>
  applyDecorators(
    Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a cursor returned by this list' }),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' }),
  );
