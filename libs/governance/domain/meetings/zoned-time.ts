/**
 * Wall-clock time in an IANA time zone <-> instants, with only the built-in `Intl` time zone data (no date library).
 * The offset of a zone at an instant is read by formatting the instant in that zone and comparing the wall clock
 * with UTC; that is all `Intl` offers, and it is enough to resolve any local time.
 */
import {
  type CalendarDate,
  type WallClockTime,
  formatLocalDate,
  pad,
  parseLocalDate,
  parseWallClockTime,
} from './local-date.js';

export interface LocalDateTime extends CalendarDate, WallClockTime {}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's canonical name ('europe/copenhagen' -> 'Europe/Copenhagen'), or null when the zone is unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall clock in `timeZone` at the instant `epochMs` (seconds and below dropped). */
export function localDateTimeAt(epochMs: number, timeZone: string): LocalDateTime {
  const parts = formatter(timeZone).formatToParts(epochMs);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') };
}

/** Minutes east of UTC in `timeZone` at the instant `epochMs` (+60 for Copenhagen in winter, +120 in summer). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const flooredToMinute = Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
  return (wallClockAsUtc(localDateTimeAt(flooredToMinute, timeZone)) - flooredToMinute) / MINUTE_MS;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. Like RFC 5545 and Temporal's 'compatible':
 * a time that occurs twice (autumn, clocks back) is the earlier instant; a time that does not exist (spring, clocks
 * forward) is moved forward by the length of the gap (02:30 -> 03:30 in Copenhagen).
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): number {
  const wall = wallClockAsUtc(local);
  // No zone changes its offset twice within two days, so the offsets a day either side are the only candidates.
  const before = offsetMinutesAt(wall - DAY_MS, timeZone);
  const after = offsetMinutesAt(wall + DAY_MS, timeZone);
  const candidates = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wallClockAsUtc(localDateTimeAt(instant, timeZone)) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before * MINUTE_MS;
}

/** '2025-03-06T14:00:00+01:00': the wall clock in `timeZone` with its offset, to the minute. */
export function formatInstantInZone(epochMs: number, timeZone: string): string {
  const flooredToMinute = Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
  const local = localDateTimeAt(flooredToMinute, timeZone);
  const offset = formatOffset(offsetMinutesAt(flooredToMinute, timeZone));
  return `${formatLocalDate(local)}T${pad(local.hour, 2)}:${pad(local.minute, 2)}:00${offset}`;
}

/** '+01:00', '-04:00', '+05:30'; UTC is '+00:00' rather than 'Z' so every value has the same shape. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}:${pad(absolute % 60, 2)}`;
}

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:[0-5]\d(\.\d{1,3})?)?([+-](0\d|1[0-4]):[0-5]\d|Z)$/;

/**
 * The instant of an ISO 8601 date-time that states its offset (or Z), or null. A time without an offset is
 * ambiguous, and `Date.parse` alone would roll 30 February over into March.
 */
export function parseInstant(text: string): number | null {
  const match = typeof text === 'string' ? ISO_WITH_OFFSET.exec(text) : null;
  if (!match || !parseLocalDate(match[1]) || !parseWallClockTime(match[2])) return null;
  return Date.parse(text);
}

function wallClockAsUtc({ year, month, day, hour, minute }: LocalDateTime): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    // h23, so midnight is 00 and never 24.
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}
