/** Upper bounds on request content: generous for real forms, small enough to refuse abuse. */
export const LIMITS = {
  title: 200,
  identifier: 100,
  shortText: 200,
  email: 254,
  longText: 10_000,
  reason: 2_000,
  listItems: 50,
  listItem: 500,
  projectLeadership: 20,
  /** About 600 person-years: beyond it an estimate is a typo. */
  hours: 1_000_000,
} as const;

/** A calendar date without time, as the domain stores it. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** At least one non-space character. */
export const NOT_BLANK = /\S/;
