/** The service's organisations are Danish and Norwegian: "today" is the calendar date in Copenhagen (Oslo agrees). */
const COPENHAGEN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of `now` in Europe/Copenhagen. */
export function todayInCopenhagen(now: Date = new Date()): string {
  return COPENHAGEN.format(now);
}
