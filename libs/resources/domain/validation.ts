import { InvalidResourceRequest } from './errors.js';
import { hoursForFtePercent, type Effort, type EffortInput, type EffortLimits } from './effort.js';
import { isMonth, MAX_RANGE_MONTHS, MAX_YEAR, MIN_YEAR, rangeLength, type Month } from './months.js';

export function requireText(text: unknown, field: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidResourceRequest(field, 'must not be empty');
  return text;
}

export function optionalText(text: unknown): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

/** A range of months, `from` to `to` inclusive, at most MAX_RANGE_MONTHS long. */
export function requireMonthRange(from: unknown, to: unknown): { from: Month; to: Month } {
  if (!isMonth(from)) throw new InvalidResourceRequest('from', `must be a month YYYY-MM from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (!isMonth(to)) throw new InvalidResourceRequest('to', `must be a month YYYY-MM from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (to < from) throw new InvalidResourceRequest('to', 'must not be before from');
  if (rangeLength(from, to) > MAX_RANGE_MONTHS) throw new InvalidResourceRequest('to', `must be at most ${MAX_RANGE_MONTHS} months after from`);
  return { from, to };
}

/**
 * Exactly one of hours a month or a share of a position, as whole numbers within `limits` (a person gives at most a
 * whole position and the hours of a month; a team more). `min` 0 lets a plan clear a month; 1 demands some effort.
 */
export function requireEffort(input: EffortInput, limits: EffortLimits, min: 0 | 1): Effort {
  const { maxHours, maxPercent } = limits;
  const hours = input.hoursPerMonth ?? null;
  const percent = input.ftePercent ?? null;
  if ((hours === null) === (percent === null)) throw new InvalidResourceRequest('hoursPerMonth', 'state either hoursPerMonth or ftePercent, not both');
  if (percent !== null) {
    if (!Number.isSafeInteger(percent) || percent < min || percent > maxPercent) {
      throw new InvalidResourceRequest('ftePercent', `must be a whole percent of a position from ${min} to ${maxPercent}`);
    }
    return { hoursPerMonth: hoursForFtePercent(percent), ftePercent: percent };
  }
  if (!Number.isSafeInteger(hours) || (hours as number) < min || (hours as number) > maxHours) {
    throw new InvalidResourceRequest('hoursPerMonth', `must be whole hours from ${min} to ${maxHours}`);
  }
  return { hoursPerMonth: hours as number, ftePercent: null };
}
