/**
 * Calendar dates and wall-clock times as people write them ('2025-03-06', '14:00'), with no time zone.
 * Arithmetic runs on UTC midnights, which have no daylight saving, so it is exact.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface WallClockTime {
  readonly hour: number;
  readonly minute: number;
}

/**
 * The years accepted. Before 1970 some zones still had offsets with seconds (local mean time), which an ISO offset
 * like +01:00 cannot express; after 9999 the ISO year needs more than four digits.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A strict 'YYYY-MM-DD' that exists in the calendar (no 31 April), or null. */
export function parseLocalDate(text: string): CalendarDate | null {
  const match = typeof text === 'string' ? DATE_PATTERN.exec(text) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/** A strict 24-hour 'HH:MM', or null. */
export function parseWallClockTime(text: string): WallClockTime | null {
  const match = typeof text === 'string' ? TIME_PATTERN.exec(text) : null;
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function formatLocalDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday({ year, month, day }: CalendarDate): number {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** The month after `months` months from (year, month); months may be negative. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
