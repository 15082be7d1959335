const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with seconds and a zone (`Z` or `±hh:mm`), as nanoseconds since the epoch, or null when the
 * text is not one or names no real moment (2026-02-30, 24:00). Exact to the nanosecond, so timestamps the database
 * keeps in microseconds never tie by rounding; `Date.parse` would accept 2026-02-30 and drop digits past the millisecond.
 */
export function parseInstant(text: string): bigint | null {
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(utc);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute
  ) {
    return null;
  }
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offsetMs = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const nanos = BigInt((match[7] ?? '').padEnd(9, '0'));
  return BigInt(utc - offsetMs) * 1_000_000n + nanos;
}
