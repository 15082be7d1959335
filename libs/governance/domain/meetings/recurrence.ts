/**
 * The meetings a recurrence rule yields in a period: pure and deterministic, so the same rule and period always
 * give the same list (the calendar derives stable meeting ids from it).
 */
import { InvalidSchedulePeriod } from './errors.js';
import {
  type CalendarDate,
  addMonths,
  daysInMonth,
  formatLocalDate,
  isoWeekday,
  MAX_YEAR,
  MIN_YEAR,
  parseLocalDate,
  parseWallClockTime,
} from './local-date.js';
import { type DayRule, type RecurrenceRuleInput, meetingMonthsOf, normaliseRecurrenceRule } from './recurrence-rule.js';
import { formatInstantInZone, zonedTimeToInstant } from './zoned-time.js';

export interface Occurrence {
  /** The local date the rule plans the meeting for, 'YYYY-MM-DD' (the calendar's key for the meeting). */
  readonly date: string;
  /** ISO 8601 with the zone's offset on that date: '2025-03-06T14:00:00+01:00'. */
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * The occurrences whose local date lies in [fromDate, toDate] (inclusive, 'YYYY-MM-DD' in the rule's zone) and in
 * the rule's own [startDate, endDate], ordered by start. A local start that falls in a daylight-saving gap moves
 * forward by the gap (see zonedTimeToInstant). Throws InvalidRecurrenceRule or InvalidSchedulePeriod.
 */
export function generateOccurrences(input: RecurrenceRuleInput, fromDate: string, toDate: string): Occurrence[] {
  const rule = normaliseRecurrenceRule(input);
  const from = parseLocalDate(fromDate) ?? invalidDate('from');
  const to = parseLocalDate(toDate) ?? invalidDate('to');
  if (toDate < fromDate) throw new InvalidSchedulePeriod('to', 'must not be before from');
  const lower = fromDate > rule.startDate ? fromDate : rule.startDate;
  const upper = rule.endDate !== null && rule.endDate < toDate ? rule.endDate : toDate;
  const time = parseWallClockTime(rule.time)!;
  const months = meetingMonthsOf(rule);

  const occurrences: Occurrence[] = [];
  // The rule meets at most once a month, so walking the months in order yields the occurrences in order.
  for (let index = 0; ; index++) {
    const { year, month } = addMonths(from.year, from.month, index);
    if (year > to.year || (year === to.year && month > to.month)) break;
    if (!months.includes(month)) continue;
    const day: CalendarDate = { year, month, day: dayOf(rule.dayRule, year, month) };
    const date = formatLocalDate(day);
    if (date < lower || date > upper) continue;
    const start = zonedTimeToInstant({ ...day, ...time }, rule.timeZone);
    const end = start + rule.durationMinutes * 60_000;
    occurrences.push({ date, startsAt: formatInstantInZone(start, rule.timeZone), endsAt: formatInstantInZone(end, rule.timeZone) });
  }
  return occurrences;
}

/** The day of the month the day rule picks in (year, month). */
export function dayOf(dayRule: DayRule, year: number, month: number): number {
  if (dayRule.kind === 'day_of_month') return dayRule.day;
  const weekdayOf = (day: number) => isoWeekday({ year, month, day });
  if (dayRule.n === -1) {
    const last = daysInMonth(year, month);
    return last - ((weekdayOf(last) - dayRule.weekday + 7) % 7);
  }
  const firstMatch = 1 + ((dayRule.weekday - weekdayOf(1) + 7) % 7);
  return firstMatch + (dayRule.n - 1) * 7;
}

function invalidDate(field: 'from' | 'to'): never {
  throw new InvalidSchedulePeriod(field, `must be a date YYYY-MM-DD from ${MIN_YEAR} to ${MAX_YEAR}`);
}
