import { describe, expect, it } from '@jest/globals';
import { addMonths, daysInMonth, isoWeekday, parseLocalDate, parseWallClockTime } from './local-date.js';

describe('local dates and times', () => {
  it('parses dates that exist and refuses the rest', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const text of ['2025-02-29', '2025-04-31', '2025-13-01', '2025-1-01', '25-01-01', '1969-12-31', '2025-01-01T00:00']) {
      expect(parseLocalDate(text)).toBeNull();
    }
  });

  it('parses 24-hour times and refuses the rest', () => {
    expect(parseWallClockTime('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseWallClockTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const text of ['24:00', '9:00', '12:60', '12:00:00', '']) expect(parseWallClockTime(text)).toBeNull();
  });

  it('knows month lengths, ISO weekdays and month arithmetic across years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2025, 12)]).toEqual([29, 28, 31]);
    expect(isoWeekday({ year: 2025, month: 3, day: 3 })).toBe(1); // a Monday
    expect(isoWeekday({ year: 2025, month: 3, day: 30 })).toBe(7); // a Sunday
    expect(addMonths(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
  });
});
