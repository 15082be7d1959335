export * from './commands.js';
export * from './decide.js';
export * from './decider.js';
export * from './errors.js';
export * from './events.js';
export * from './evolve.js';
export {
  MAX_YEAR,
  MIN_YEAR,
  formatLocalDate,
  parseLocalDate,
  parseWallClockTime,
  type CalendarDate,
  type WallClockTime,
} from './local-date.js';
export * from './meeting-calendar-state.js';
export * from './meeting-id.js';
export { MAX_DURATION_MINUTES, planSlot } from './meeting-slot.js';
export * from './recurrence.js';
export * from './recurrence-rule.js';
export * from './zoned-time.js';
