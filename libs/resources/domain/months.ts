/**
 * Resources are planned per calendar month, `YYYY-MM`: capacity, loans, demand and assignments all name months, so
 * the capacity view adds like with like. Longer periods (a quarter, a year) are ranges of months.
 */
export type Month = string;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** The longest range one command or view may cover: ten years of months. */
export const MAX_RANGE_MONTHS = 120;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: unknown): text is Month {
  if (typeof text !== 'string') return false;
  const m = MONTH.exec(text);
  return m !== null && Number(m[1]) >= MIN_YEAR && Number(m[1]) <= MAX_YEAR;
}

const index = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromIndex = (i: number): Month => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Every month from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function monthsInRange(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(fromIndex(i));
  return months;
}

/** The number of months from `from` to `to`, both included (0 when `to` is before `from`). */
export function rangeLength(from: Month, to: Month): number {
  return Math.max(index(to) - index(from) + 1, 0);
}

export function inRange(month: Month, from: Month, to: Month): boolean {
  return month >= from && month <= to;
}
