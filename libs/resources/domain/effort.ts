/**
 * Effort is planned in whole hours per month. Freed time is often stated as a share of a position (frikøb: "20% of a
 * position"); it is converted at the norm of 160 hours a month for a full-time position (37 hours a week, 52 weeks,
 * 12 months: 160.3, rounded down to whole hours) and the share is recorded beside the hours it became.
 */
export const HOURS_PER_FTE_MONTH = 160;

/** Either hours a month, or a share of a full-time position in whole percent (20 = a fifth of a position). */
export interface EffortInput {
  readonly hoursPerMonth?: number | null;
  readonly ftePercent?: number | null;
}

export interface Effort {
  readonly hoursPerMonth: number;
  /** The share of a position it was stated as; null when stated in hours. */
  readonly ftePercent: number | null;
}

/** Hours a month for a share of a full-time position, rounded half up to whole hours. */
export function hoursForFtePercent(ftePercent: number): number {
  return Math.floor((ftePercent * HOURS_PER_FTE_MONTH + 50) / 100);
}

/** The most effort a month may hold, in hours and as a share of a position (both bounds hold). */
export interface EffortLimits {
  readonly maxHours: number;
  readonly maxPercent: number;
}
