import { describe, expect, it } from '@jest/globals';
import { InvalidSchedulePeriod } from './errors.js';
import { dayOf, generateOccurrences } from './recurrence.js';
import { HERNING_MONTHLY, RISO_QUARTERLY } from './testing-fixtures.js';

describe('generateOccurrences', () => {
  it("yields Herning's 11 steering-group meetings in a year, none in July", () => {
    const occurrences = generateOccurrences(HERNING_MONTHLY, '2025-01-01', '2025-12-31');
    expect(occurrences.map((o) => o.date)).toEqual([
      '2025-01-02',
      '2025-02-06',
      '2025-03-06',
      '2025-04-03',
      '2025-05-01',
      '2025-06-05',
      '2025-08-07',
      '2025-09-04',
      '2025-10-02',
      '2025-11-06',
      '2025-12-04',
    ]);
    expect(occurrences[0]).toEqual({ date: '2025-01-02', startsAt: '2025-01-02T14:00:00+01:00', endsAt: '2025-01-02T16:00:00+01:00' });
  });

  it('runs across the turn of the year', () => {
    expect(generateOccurrences(HERNING_MONTHLY, '2025-11-15', '2026-02-28')).toEqual([
      { date: '2025-12-04', startsAt: '2025-12-04T14:00:00+01:00', endsAt: '2025-12-04T16:00:00+01:00' },
      { date: '2026-01-01', startsAt: '2026-01-01T14:00:00+01:00', endsAt: '2026-01-01T16:00:00+01:00' },
      { date: '2026-02-05', startsAt: '2026-02-05T14:00:00+01:00', endsAt: '2026-02-05T16:00:00+01:00' },
    ]);
  });

  it('yields four quarterly meetings a year in the quarter months, each with the offset of its season', () => {
    expect(generateOccurrences(RISO_QUARTERLY, '2025-01-01', '2025-12-31').map((o) => o.startsAt)).toEqual([
      '2025-03-25T09:00:00+01:00',
      '2025-06-24T09:00:00+02:00',
      '2025-09-30T09:00:00+02:00',
      '2025-12-30T09:00:00+01:00',
    ]);
  });

  it('lets a quarterly rule default to its start month and every third month after it', () => {
    const occurrences = generateOccurrences(
      { ...RISO_QUARTERLY, quarterMonths: undefined, startDate: '2025-02-01' },
      '2025-01-01',
      '2025-12-31',
    );
    expect(occurrences.map((o) => o.date.slice(5, 7))).toEqual(['02', '05', '08', '11']);
  });

  it('gives a 14:00 meeting in March +01:00 before the switch to summer time and +02:00 after it', () => {
    const firstThursday = generateOccurrences(HERNING_MONTHLY, '2025-03-01', '2025-03-31');
    const lastMonday = generateOccurrences(
      { ...HERNING_MONTHLY, dayRule: { kind: 'nth_weekday', n: -1, weekday: 1 } },
      '2025-03-01',
      '2025-03-31',
    );
    expect(firstThursday.map((o) => o.startsAt)).toEqual(['2025-03-06T14:00:00+01:00']);
    expect(lastMonday.map((o) => o.startsAt)).toEqual(['2025-03-31T14:00:00+02:00']);
  });

  it('ends a meeting that spans the switch at the right wall-clock time', () => {
    const night = { ...HERNING_MONTHLY, dayRule: { kind: 'nth_weekday', n: -1, weekday: 7 }, time: '01:30' } as const;
    expect(generateOccurrences(night, '2025-03-01', '2025-03-31')).toEqual([
      { date: '2025-03-30', startsAt: '2025-03-30T01:30:00+01:00', endsAt: '2025-03-30T04:30:00+02:00' },
    ]);
  });

  it('keeps to the rule’s own start and end dates and to a day of the month', () => {
    const rule = { ...HERNING_MONTHLY, dayRule: { kind: 'day_of_month', day: 15 }, startDate: '2025-03-16', endDate: '2025-06-15' } as const;
    expect(generateOccurrences(rule, '2025-01-01', '2025-12-31').map((o) => o.date)).toEqual(['2025-04-15', '2025-05-15', '2025-06-15']);
  });

  it('uses the given time zone', () => {
    const newYork = generateOccurrences({ ...HERNING_MONTHLY, timeZone: 'America/New_York' }, '2025-03-01', '2025-03-31');
    expect(newYork.map((o) => o.startsAt)).toEqual(['2025-03-06T14:00:00-05:00']);
  });

  it('refuses a reversed or malformed period', () => {
    expect(() => generateOccurrences(HERNING_MONTHLY, '2025-12-31', '2025-01-01')).toThrow(InvalidSchedulePeriod);
    expect(() => generateOccurrences(HERNING_MONTHLY, '2025-02-30', '2025-03-01')).toThrow(InvalidSchedulePeriod);
  });
});

describe('dayOf', () => {
  it('finds the nth and the last weekday of a month', () => {
    // March 2025 starts on a Saturday and ends on a Monday.
    expect(dayOf({ kind: 'nth_weekday', n: 1, weekday: 6 }, 2025, 3)).toBe(1);
    expect(dayOf({ kind: 'nth_weekday', n: 1, weekday: 5 }, 2025, 3)).toBe(7);
    expect(dayOf({ kind: 'nth_weekday', n: 4, weekday: 1 }, 2025, 3)).toBe(24);
    expect(dayOf({ kind: 'nth_weekday', n: -1, weekday: 1 }, 2025, 3)).toBe(31);
    expect(dayOf({ kind: 'nth_weekday', n: -1, weekday: 2 }, 2025, 3)).toBe(25);
  });
});
