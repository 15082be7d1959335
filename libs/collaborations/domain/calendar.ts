/** ISO calendar dates (`YYYY-MM-DD`) compare as strings; these helpers keep the rules on dates in one place. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written as `YYYY-MM-DD` (2027-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));
export const firstDayOf = (year: number): string => `${year}-01-01`;
export const lastDayOf = (year: number): string => `${year}-12-31`;

/**
 * The pro-rata cut-off (OS2, seed 001 p. 44: "Ved indmeldelse efter 1. juli betales der et kontingent for et halvt
 * år"): a membership whose first day in a year is after 1 July pays half that year's fee.
 */
export const joinsAfterFirstJuly = (firstDayInYear: string): boolean => firstDayInYear > `${yearOf(firstDayInYear)}-07-01`;
