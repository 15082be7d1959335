import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';
import { parseInstant } from './instant.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'ø' }], c: undefined } })).toBe('{"a":{"d":[3,{"y":"ø","z":null}]},"b":1}');
  });

  it('gives the same text for the same value built in another key order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: false } })).toBe(canonicalJson({ y: { q: false, p: true }, x: 1 }));
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });
});

describe('parseInstant', () => {
  it('reads UTC and offsets to the same instant', () => {
    expect(parseInstant('2026-03-01T10:00:00+01:00')).toBe(parseInstant('2026-03-01T09:00:00Z'));
  });

  it('keeps digits past the millisecond', () => {
    expect(parseInstant('2026-03-01T09:00:00.000001Z')! - parseInstant('2026-03-01T09:00:00Z')!).toBe(1000n);
  });

  it.each(['2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:00Z', '2026-01-01T10:00:00', '2026-01-01', 'yesterday'])(
    'refuses %s',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );
});
