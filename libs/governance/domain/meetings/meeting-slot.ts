import { InvalidMeeting } from './errors.js';
import { parseLocalDate, parseWallClockTime } from './local-date.js';
import { formatInstantInZone, zonedTimeToInstant } from './zoned-time.js';

/** A meeting lasts at most a day. */
export const MAX_DURATION_MINUTES = 24 * 60;

/** A meeting's start and end from a local date, time and duration in its zone; throws InvalidMeeting naming the field. */
export function planSlot(
  date: string,
  time: string,
  durationMinutes: number,
  timeZone: string,
): { readonly startsAt: string; readonly endsAt: string } {
  const day = parseLocalDate(date);
  if (!day) throw new InvalidMeeting('date', 'must be a date YYYY-MM-DD that exists');
  const clock = parseWallClockTime(time);
  if (!clock) throw new InvalidMeeting('time', 'must be a 24-hour time HH:MM');
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > MAX_DURATION_MINUTES) {
    throw new InvalidMeeting('durationMinutes', `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}`);
  }
  const start = zonedTimeToInstant({ ...day, ...clock }, timeZone);
  return {
    startsAt: formatInstantInZone(start, timeZone),
    endsAt: formatInstantInZone(start + durationMinutes * 60_000, timeZone),
  };
}
