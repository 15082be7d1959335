/**
 * When a forum meets: "monthly except July, first Thursday at 14:00" (Herning's steering group) or "quarterly, last
 * Tuesday of March, June, September and December" (RISO, 4K). A value object: normalising it validates every field
 * and fills the defaults, so an event records the complete rule and replay never depends on today's defaults.
 */
import { InvalidRecurrenceRule } from './errors.js';
import { MAX_YEAR, MIN_YEAR, parseLocalDate, parseWallClockTime } from './local-date.js';
import { MAX_DURATION_MINUTES } from './meeting-slot.js';
import { canonicalTimeZone } from './zoned-time.js';

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';
export const RECURRENCE_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** n = 1..4 or -1 for the last; weekday is ISO (1 = Monday ... 7 = Sunday). */
export interface NthWeekday {
  readonly kind: 'nth_weekday';
  readonly n: 1 | 2 | 3 | 4 | -1;
  readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Only up to the 28th, so every month has the day. */
export interface DayOfMonth {
  readonly kind: 'day_of_month';
  readonly day: number;
}

export type DayRule = NthWeekday | DayOfMonth;

/** A complete rule, as recorded in events. Dates are local calendar dates in `timeZone`, both inclusive. */
export interface RecurrenceRule {
  readonly frequency: RecurrenceFrequency;
  readonly dayRule: DayRule;
  /** Local wall-clock start, 'HH:MM'. */
  readonly time: string;
  readonly timeZone: string;
  readonly durationMinutes: number;
  /** Months (1..12) with no meeting, ascending: [7] for July. */
  readonly exceptMonths: readonly number[];
  /** Quarterly only: the four meeting months, one in each quarter of the year, ascending. Null when monthly. */
  readonly quarterMonths: readonly number[] | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** A rule as a caller states it: the time zone defaults to Copenhagen; a quarterly rule defaults to the start month. */
export interface RecurrenceRuleInput {
  readonly frequency: RecurrenceFrequency;
  readonly dayRule: DayRule;
  readonly time: string;
  readonly timeZone?: string;
  readonly durationMinutes: number;
  readonly exceptMonths?: readonly number[];
  readonly quarterMonths?: readonly number[] | null;
  readonly startDate: string;
  readonly endDate?: string | null;
}

/** The complete, validated rule; throws InvalidRecurrenceRule naming the first field at fault. */
export function normaliseRecurrenceRule(input: RecurrenceRuleInput): RecurrenceRule {
  const fail = (field: string, reason: string): never => {
    throw new InvalidRecurrenceRule(field, reason);
  };
  if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(input.frequency)) fail('frequency', 'must be monthly or quarterly');
  const dayRule = normaliseDayRule(input.dayRule, fail);
  if (!parseWallClockTime(input.time)) fail('time', 'must be a 24-hour time HH:MM');
  const timeZone = canonicalTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE) ?? fail('timeZone', 'must be an IANA time zone');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > MAX_DURATION_MINUTES) {
    fail('durationMinutes', `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}`);
  }
  const start = parseLocalDate(input.startDate) ?? fail('startDate', `must be a date YYYY-MM-DD from ${MIN_YEAR} to ${MAX_YEAR}`);
  const endDate = input.endDate ?? null;
  if (endDate !== null) {
    if (!parseLocalDate(endDate)) fail('endDate', `must be a date YYYY-MM-DD from ${MIN_YEAR} to ${MAX_YEAR}`);
    if (endDate < input.startDate) fail('endDate', 'must not be before startDate');
  }
  const exceptMonths = normaliseMonths(input.exceptMonths ?? [], 'exceptMonths', fail);
  const quarterMonths = input.frequency === 'quarterly' ? quarterMonthsOf(input.quarterMonths, start.month, fail) : null;
  if (input.frequency === 'monthly' && input.quarterMonths != null) fail('quarterMonths', 'only a quarterly rule has quarter months');
  const meetingMonths = (quarterMonths ?? ALL_MONTHS).filter((month) => !exceptMonths.includes(month));
  if (meetingMonths.length === 0) fail('exceptMonths', 'excepts every month the rule meets in');
  return {
    frequency: input.frequency,
    dayRule,
    time: input.time,
    timeZone,
    durationMinutes: input.durationMinutes,
    exceptMonths,
    quarterMonths,
    startDate: input.startDate,
    endDate,
  };
}

/** Field by field, so a rule read back from the store (keys in any order) equals the one normalised now. */
export function sameRecurrenceRule(a: RecurrenceRule, b: RecurrenceRule): boolean {
  const dayRuleKey = (rule: DayRule) => (rule.kind === 'nth_weekday' ? `nth:${rule.n}:${rule.weekday}` : `day:${rule.day}`);
  return (
    a.frequency === b.frequency &&
    dayRuleKey(a.dayRule) === dayRuleKey(b.dayRule) &&
    a.time === b.time &&
    a.timeZone === b.timeZone &&
    a.durationMinutes === b.durationMinutes &&
    a.exceptMonths.join() === b.exceptMonths.join() &&
    (a.quarterMonths?.join() ?? null) === (b.quarterMonths?.join() ?? null) &&
    a.startDate === b.startDate &&
    a.endDate === b.endDate
  );
}

/** The months (1..12) in which the rule meets, ascending. */
export function meetingMonthsOf(rule: RecurrenceRule): readonly number[] {
  return (rule.quarterMonths ?? ALL_MONTHS).filter((month) => !rule.exceptMonths.includes(month));
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
type Fail = (field: string, reason: string) => never;

function normaliseDayRule(dayRule: DayRule, fail: Fail): DayRule {
  if (dayRule?.kind === 'nth_weekday') {
    if (![1, 2, 3, 4, -1].includes(dayRule.n)) fail('dayRule.n', 'must be 1, 2, 3, 4 or -1 (the last)');
    if (!Number.isInteger(dayRule.weekday) || dayRule.weekday < 1 || dayRule.weekday > 7) {
      fail('dayRule.weekday', 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)');
    }
    return { kind: 'nth_weekday', n: dayRule.n, weekday: dayRule.weekday };
  }
  if (dayRule?.kind === 'day_of_month') {
    if (!Number.isInteger(dayRule.day) || dayRule.day < 1 || dayRule.day > 28) {
      fail('dayRule.day', 'must be a day from 1 to 28, which every month has');
    }
    return { kind: 'day_of_month', day: dayRule.day };
  }
  return fail('dayRule.kind', 'must be nth_weekday or day_of_month');
}

function normaliseMonths(months: readonly number[], field: string, fail: Fail): number[] {
  if (!Array.isArray(months)) fail(field, 'must be a list of months');
  if (months.some((month) => !Number.isInteger(month) || month < 1 || month > 12)) fail(field, 'months must be from 1 to 12');
  return [...new Set(months)].sort((a, b) => a - b);
}

/** Without explicit months, a quarterly rule meets in its start month and every third month from it. */
function quarterMonthsOf(months: readonly number[] | null | undefined, startMonth: number, fail: Fail): number[] {
  if (months == null) return [0, 3, 6, 9].map((shift) => ((startMonth - 1 + shift) % 12) + 1).sort((a, b) => a - b);
  const normalised = normaliseMonths(months, 'quarterMonths', fail);
  const quarters = new Set(normalised.map((month) => Math.ceil(month / 3)));
  if (normalised.length !== 4 || quarters.size !== 4) fail('quarterMonths', 'must be four months, one in each quarter');
  return normalised;
}
