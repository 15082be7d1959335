/** A calendar date, `YYYY-MM-DD`: the day a membership or a role takes effect, which need not be the day it is recorded. */
export type IsoDate = string;

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30). Such strings order like the dates they name. */
export function isCalendarDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The day after `date`: turns an inclusive last day into the exclusive end of a period. */
export function nextDay(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
