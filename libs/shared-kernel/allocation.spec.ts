import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocateByWeights, allocateEqually } from './allocation.js';

const weights = fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0));
const total = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('allocateByWeights (largest remainder)', () => {
  it('never loses or invents an øre', () => {
    fc.assert(fc.property(total, weights, (t, ws) => allocateByWeights(t, ws).reduce((a, s) => a + s, 0) === t));
  });

  it('gives each party within one øre of its exact share, and nothing to a zero weight', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const sum = ws.reduce((a, w) => a + w, 0);
        return allocateByWeights(t, ws).every((share, i) => (ws[i] === 0 ? share === 0 : Math.abs(share - (t * ws[i]) / sum) < 1 + 1e-6 * Math.abs(t)));
      }),
    );
  });

  it('is the same split however the parties are ordered, up to which tied party gets the last øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weights, (t, ws) => {
        const forward = allocateByWeights(t, ws);
        const reversed = allocateByWeights(t, [...ws].reverse()).reverse();
        return forward.every((s, i) => Math.abs(s - reversed[i]) <= 1);
      }),
    );
  });

  it('splits DKK 100.00 between three equal members as 33.34, 33.33, 33.33', () => {
    expect(allocateEqually(10_000, 3)).toEqual([3_334, 3_333, 3_333]);
  });

  it('splits by inhabitants: the larger remainder gets the odd øre', () => {
    // 1,000 øre over 1:2 → 333.33 and 666.67: the second has the larger remainder.
    expect(allocateByWeights(1_000, [1, 2])).toEqual([333, 667]);
  });

  it('refuses weights that cannot split anything', () => {
    expect(() => allocateByWeights(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateByWeights(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocateByWeights(1.5, [1])).toThrow(RangeError);
  });
});
