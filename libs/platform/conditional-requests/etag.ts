import { ProblemException } from '../problem/problem.exception.js';

/** A resource's ETag is its stream version: strong, quoted. */
export const etagFor = (version: number) => `"${version}"`;

/**
 * The version named by `If-Match`. Accepts the strong ETag (`"3"`), a weak one (`W/"3"`) or a bare number; `*`
 * means "any current version". Undefined when the header is absent.
 */
export function parseIfMatch(header: string | undefined): number | '*' | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!m) {
    throw new ProblemException({
      status: 400,
      detail: 'If-Match must be the ETag of the resource, e.g. "3".',
      errors: [{ field: 'If-Match', reason: `"${value}" is not an ETag issued by this service` }],
    });
  }
  return Number(m[1]);
}

/** For updates that must not be blind: no `If-Match`, no change (428 Precondition Required). */
export function requireIfMatch(header: string | undefined): number | undefined {
  const parsed = parseIfMatch(header);
  if (parsed === undefined) {
    throw new ProblemException({
      status: 428,
      detail: 'This update needs an If-Match header with the ETag you last read, so that no one else\'s change is overwritten.',
      errors: [{ field: 'If-Match', reason: 'is required' }],
    });
  }
  return parsed === '*' ? undefined : parsed;
}

/** True when `If-None-Match` names the current version (answer 304). */
export function matchesIfNoneMatch(header: string | undefined, version: number): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etagFor(version);
  });
}

/** For updates an optional `If-Match` may guard: a number guards the write, `*` or none lets the version just read guard it. */
export function optionalIfMatch(header: string | undefined): number | undefined {
  const parsed = parseIfMatch(header);
  return parsed === '*' ? undefined : parsed;
}
