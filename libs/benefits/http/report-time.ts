import { calendarDay } from '../../governance/forums/application/calendar-day.js';
import { ProblemException } from '../../platform/index.js';
import { isCalendarDate, type ReportTime } from '../domain/index.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `knownAt` as an instant: a timestamp that states its offset (a bare local time is ambiguous). Undefined when absent. */
export function parseKnownAt(knownAt: string | undefined): string | undefined {
  if (knownAt === undefined) return undefined;
  const ms = TIMESTAMP.test(knownAt) ? Date.parse(knownAt) : NaN;
  if (Number.isNaN(ms)) {
    throw new ProblemException({ status: 400, detail: 'knownAt must be a timestamp with its offset.', errors: [{ field: 'knownAt', reason: 'must be a timestamp with an offset, e.g. 2026-11-30T12:00:00+01:00' }] });
  }
  return new Date(ms).toISOString();
}

/** The report's day (default today in Copenhagen) and knowledge cut-off (default now). */
export function reportTime(asOf: string | undefined, knownAt: string | undefined, now = new Date()): ReportTime {
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new ProblemException({ status: 400, detail: 'asOf must be a date that exists.', errors: [{ field: 'asOf', reason: 'must be a date, YYYY-MM-DD' }] });
  }
  return { asOf: asOf ?? calendarDay(now), knownAt: parseKnownAt(knownAt) ?? now.toISOString() };
}
