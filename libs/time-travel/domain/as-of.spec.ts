import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidAsOf, parseAsOf } from './as-of.js';

describe('parseAsOf', () => {
  it('reads a time with a zone, a log position and a global position', () => {
    expect(parseAsOf('2027-03-01T12:00:00+01:00')).toMatchObject({ kind: 'time', at: new Date('2027-03-01T11:00:00Z') });
    expect(parseAsOf('2027-03-01T12:00Z')).toMatchObject({ kind: 'time', at: new Date('2027-03-01T12:00:00Z') });
    expect(parseAsOf('2027-03-01T12:00:00.123456-05:30')).toMatchObject({ kind: 'time', at: new Date('2027-03-01T17:30:00.123Z') });
    expect(parseAsOf('812.4051')).toMatchObject({ kind: 'position', position: { commit: 812n, prepare: 4051n } });
    expect(parseAsOf('4051')).toMatchObject({ kind: 'global_position', globalPosition: 4051n });
  });

  it('refuses what names no point in time, naming the field', () => {
    for (const bad of ['', 'now', '2027-03-01', '2027-03-01T12:00:00', '2027-02-29T00:00:00Z', '2027-04-31T00:00:00Z', '2027-01-01T24:00:00Z', '2027-01-01T12:60:00Z',
      '2027-01-01T12:00:60Z', '2027-01-01T12:00:00+15:00', '0', '-1', '1.2.3', '01', '1e5', '9223372036854775808', 12 as unknown as string]) {
      expect(() => parseAsOf(bad, 'from')).toThrow(InvalidAsOf);
    }
    expect(() => parseAsOf('2028-02-29T00:00:00Z')).not.toThrow();
    try {
      parseAsOf('soon', 'to');
    } catch (error) {
      expect(error).toMatchObject({ field: 'to' });
    }
  });

  it('reads every instant back as the same instant, in any zone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const parsed = parseAsOf(`${local}${zone}`);
        expect(parsed.kind === 'time' && parsed.at.getTime()).toBe(date.getTime());
      }),
    );
  });
});
