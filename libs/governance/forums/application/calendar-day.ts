import type { IsoDate } from '../../domain/forums/calendar-date.js';

/** The organisations served are Danish and Norwegian: "today" is the calendar day in Copenhagen (same as Oslo). */
export const GOVERNANCE_TIME_ZONE = 'Europe/Copenhagen';

/** The calendar day `now` falls on in `timeZone`, as `YYYY-MM-DD`. */
export function calendarDay(now: Date = new Date(), timeZone: string = GOVERNANCE_TIME_ZONE): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
