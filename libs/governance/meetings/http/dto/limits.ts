/** Upper bounds on request content for calendars and agendas. */
export const MEETING_LIMITS = {
  reason: 2_000,
  title: 300,
  identifier: 100,
  timeZone: 64,
} as const;

/** A calendar date without time: 'YYYY-MM-DD' (the domain checks that it exists). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A 24-hour wall-clock time 'HH:MM' (the domain checks the range). */
export const WALL_CLOCK_TIME = /^\d{2}:\d{2}$/;

/** At least one non-space character. */
export const NOT_BLANK = /\S/;

/** Forum ids are opaque: a UUID or a slug. */
export const FORUM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
