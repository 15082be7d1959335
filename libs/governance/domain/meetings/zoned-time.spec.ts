import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  canonicalTimeZone,
  formatInstantInZone,
  formatOffset,
  localDateTimeAt,
  offsetMinutesAt,
  parseInstant,
  zonedTimeToInstant,
} from './zoned-time.js';

const CPH = 'Europe/Copenhagen';
const at = (iso: string) => Date.parse(iso);
const ZONES = ['Europe/Copenhagen', 'Europe/Oslo', 'UTC', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];

describe('offsets', () => {
  it.each([
    ['2025-01-15T12:00:00Z', CPH, 60],
    ['2025-07-15T12:00:00Z', CPH, 120],
    ['2025-01-15T12:00:00Z', 'America/New_York', -300],
    ['2025-07-15T12:00:00Z', 'America/New_York', -240],
    ['2025-01-15T12:00:00Z', 'Asia/Kolkata', 330],
    ['2025-01-15T12:00:00Z', 'UTC', 0],
  ])('at %s in %s the offset is %i minutes', (iso, zone, minutes) => {
    expect(offsetMinutesAt(at(iso), zone)).toBe(minutes);
  });

  it('switches exactly at the change (Copenhagen, 30 March 2025 01:00 UTC)', () => {
    expect(offsetMinutesAt(at('2025-03-30T00:59:00Z'), CPH)).toBe(60);
    expect(offsetMinutesAt(at('2025-03-30T01:00:00Z'), CPH)).toBe(120);
  });

  it('formats offsets with sign, hours and minutes', () => {
    expect([formatOffset(60), formatOffset(120), formatOffset(0), formatOffset(-210), formatOffset(345)]).toEqual([
      '+01:00',
      '+02:00',
      '+00:00',
      '-03:30',
      '+05:45',
    ]);
  });
});

describe('local time in a zone to an instant', () => {
  it('uses the offset in force on that date', () => {
    const winter = zonedTimeToInstant({ year: 2025, month: 3, day: 6, hour: 14, minute: 0 }, CPH);
    const summer = zonedTimeToInstant({ year: 2025, month: 3, day: 31, hour: 14, minute: 0 }, CPH);
    expect(formatInstantInZone(winter, CPH)).toBe('2025-03-06T14:00:00+01:00');
    expect(formatInstantInZone(summer, CPH)).toBe('2025-03-31T14:00:00+02:00');
    expect(winter).toBe(at('2025-03-06T13:00:00Z'));
    expect(summer).toBe(at('2025-03-31T12:00:00Z'));
  });

  it('moves a time in the spring gap forward by the gap', () => {
    const instant = zonedTimeToInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, CPH);
    expect(formatInstantInZone(instant, CPH)).toBe('2025-03-30T03:30:00+02:00');
  });

  it('takes the earlier of a time that occurs twice in autumn', () => {
    const instant = zonedTimeToInstant({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, CPH);
    expect(formatInstantInZone(instant, CPH)).toBe('2025-10-26T02:30:00+02:00');
  });

  it('handles zones behind UTC and with half-hour offsets', () => {
    const ny = zonedTimeToInstant({ year: 2025, month: 11, day: 3, hour: 9, minute: 15 }, 'America/New_York');
    expect(formatInstantInZone(ny, 'America/New_York')).toBe('2025-11-03T09:15:00-05:00');
    const kolkata = zonedTimeToInstant({ year: 2025, month: 1, day: 1, hour: 0, minute: 0 }, 'Asia/Kolkata');
    expect(formatInstantInZone(kolkata, 'Asia/Kolkata')).toBe('2025-01-01T00:00:00+05:30');
    expect(kolkata).toBe(at('2024-12-31T18:30:00Z'));
  });
});

describe('time zone names and ISO instants', () => {
  it('canonicalises known zones and refuses unknown ones', () => {
    expect(canonicalTimeZone('europe/copenhagen')).toBe(CPH);
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('parses only date-times that state an offset and exist', () => {
    expect(parseInstant('2025-03-06T14:00:00+01:00')).toBe(at('2025-03-06T13:00:00Z'));
    expect(parseInstant('2025-03-06T13:00Z')).toBe(at('2025-03-06T13:00:00Z'));
    for (const text of ['2025-03-06T14:00:00', '2025-02-30T14:00:00+01:00', '2025-03-06T24:00:00+01:00', '2025-03-06']) {
      expect(parseInstant(text)).toBeNull();
    }
  });
});

const MINUTE = 60_000;
const instantArb = fc.integer({ min: Date.UTC(1970, 1, 1) / MINUTE, max: Date.UTC(2100, 0, 1) / MINUTE }).map((m) => m * MINUTE);
const zoneArb = fc.constantFrom(...ZONES);

describe('zoned time: properties', () => {
  it('formatting an instant in any zone and parsing it back gives the same instant', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (instant, zone) => {
        expect(parseInstant(formatInstantInZone(instant, zone))).toBe(instant);
      }),
    );
  });

  it('the wall clock of an instant resolves back to an instant with that wall clock, never a later one', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (instant, zone) => {
        const local = localDateTimeAt(instant, zone);
        const resolved = zonedTimeToInstant(local, zone);
        expect(localDateTimeAt(resolved, zone)).toEqual(local);
        expect(resolved).toBeLessThanOrEqual(instant);
      }),
    );
  });

  it('any wall clock resolves to itself, or to a later one only in a gap where the offset changes', () => {
    const localArb = fc.record({
      year: fc.integer({ min: 1971, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(localArb, zoneArb, (local, zone) => {
        const resolved = zonedTimeToInstant(local, zone);
        const shown = localDateTimeAt(resolved, zone);
        if (JSON.stringify(shown) === JSON.stringify(local)) return;
        const wall = (t: typeof local) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
        expect(wall(shown)).toBeGreaterThan(wall(local));
        expect(offsetMinutesAt(resolved, zone)).toBeGreaterThan(offsetMinutesAt(resolved - 86_400_000, zone));
      }),
    );
  });
});
