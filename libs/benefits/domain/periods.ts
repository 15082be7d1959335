import { isCalendarDate, type IsoDate } from '../../governance/domain/forums/calendar-date.js';

export { isCalendarDate, type IsoDate };

/**
 * A benefit is planned and measured per period of one length: a year (`2015`), a quarter (`2015-Q2`) or a month
 * (`2015-04`). A period is measured after it has ended; its measurement is due a number of days after its last day.
 */
export const PERIODICITIES = ['year', 'quarter', 'month'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export type Period = string;

const PATTERNS: Record<Periodicity, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};
export const PERIOD_FORMATS: Record<Periodicity, string> = { year: 'YYYY', quarter: 'YYYY-Qn', month: 'YYYY-MM' };

export function isPeriod(text: unknown, periodicity: Periodicity): text is Period {
  if (typeof text !== 'string') return false;
  const m = PATTERNS[periodicity].exec(text);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** The last day of the period. */
export function periodEnd(period: Period, periodicity: Periodicity): IsoDate {
  const year = Number(period.slice(0, 4));
  const lastMonth = periodicity === 'year' ? 12 : periodicity === 'quarter' ? Number(period.slice(6)) * 3 : Number(period.slice(5, 7));
  // day 0 of the next month is the last day of this one
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Periods sort like the time they name (within one periodicity). */
export const comparePeriods = (a: Period, b: Period) => (a < b ? -1 : a > b ? 1 : 0);
