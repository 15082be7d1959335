import { parseLogPosition, type LogPosition } from '../../event-store/index.js';

/**
 * A point in the log's history as a client names it:
 * - a time with a zone (`2027-03-01T12:00:00+01:00`, `2027-03-01T11:00:00Z`), to the millisecond: the log up to the last
 *   event recorded at or before it (in its millisecond, as the service shows recording times);
 * - a log position as the service hands them out in `X-Log-Position` (`commit.prepare`): the log up to that event;
 * - a global position (an event's `globalPosition`, as histories show it): the log up to that event, in read order.
 */
export type AsOf =
  | { readonly kind: 'time'; readonly at: Date; readonly text: string }
  | { readonly kind: 'position'; readonly position: LogPosition; readonly text: string }
  | { readonly kind: 'global_position'; readonly globalPosition: bigint; readonly text: string };

/** The value names no point in time the service understands. */
export class InvalidAsOf extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidAsOf';
  }
}

const ZONED_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/;
const GLOBAL_POSITION = /^[1-9]\d{0,18}$/;
const REASON = 'must be a time with a zone (e.g. 2027-03-01T12:00:00+01:00), a log position (commit.prepare) or a global position';

export function parseAsOf(text: unknown, field = 'asOf'): AsOf {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) throw new InvalidAsOf(field, REASON);
  const value = text.trim();
  const time = ZONED_TIME.exec(value);
  if (time) return { kind: 'time', at: zonedTime(time, field), text: value };
  if (GLOBAL_POSITION.test(value)) {
    const globalPosition = BigInt(value);
    if (globalPosition > 9_223_372_036_854_775_807n) throw new InvalidAsOf(field, REASON);
    return { kind: 'global_position', globalPosition, text: value };
  }
  const position = parseLogPosition(value);
  if (position && position.commit < 2n ** 63n && position.prepare < 2n ** 63n) return { kind: 'position', position, text: value };
  throw new InvalidAsOf(field, REASON);
}

/** A calendar-correct instant: 2027-02-30 or 25:00 is refused rather than rolled over. */
function zonedTime(m: RegExpExecArray, field: string): Date {
  const [, y, mo, d, h, mi, s = '0'] = m.map((part) => part ?? undefined) as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zone = m[8];
  const zoneOk = zone === 'Z' || (Number(zone.slice(1, 3)) <= 14 && Number(zone.slice(4, 6)) < 60);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || !zoneOk) {
    throw new InvalidAsOf(field, 'is not a valid calendar time');
  }
  const at = new Date(m[0]);
  if (Number.isNaN(at.getTime())) throw new InvalidAsOf(field, 'is not a valid calendar time');
  return at;
}
