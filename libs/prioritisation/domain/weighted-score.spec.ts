import { describe, expect, it } from '@jest/globals';
import { HERNING_DEFAULT_MODEL } from './herning-default-model.js';
import type { ScoringModelContent } from './scoring-model.js';
import { herningScores } from './testing/fixtures.js';
import { compareWeightedScores, weightedScore } from './weighted-score.js';

const weighted = (...weights: number[]): ScoringModelContent => ({
  ...HERNING_DEFAULT_MODEL,
  criteria: HERNING_DEFAULT_MODEL.criteria.map((c, i) => ({ ...c, weight: weights[i] })),
});

describe('weightedScore', () => {
  it("is sum(weight x score) over sum(weight), kept as integers: Herning's equal weights", () => {
    expect(weightedScore(HERNING_DEFAULT_MODEL, herningScores(5, 3, 4, 2))).toEqual({ numerator: 14, denominator: 4, normalised: '62.50' });
  });

  it('spans 0.00 to 100.00 from the lowest to the highest possible score', () => {
    expect(weightedScore(HERNING_DEFAULT_MODEL, herningScores(1, 1, 1, 1)).normalised).toBe('0.00');
    expect(weightedScore(HERNING_DEFAULT_MODEL, herningScores(5, 5, 5, 5)).normalised).toBe('100.00');
  });

  it('rounds half up at the second decimal', () => {
    // Weights 1,1,1,5: the range is 4 x 8 = 32 points, so one point above the lowest is 100/32 = 3.125.
    const model = weighted(1, 1, 1, 5);
    expect(weightedScore(model, herningScores(2, 1, 1, 1)).normalised).toBe('3.13');
    expect(weightedScore(model, herningScores(2, 2, 2, 1)).normalised).toBe('9.38');
    // Thirds: 100/3 and 200/3.
    const thirds: ScoringModelContent = {
      ...HERNING_DEFAULT_MODEL,
      criteria: [{ ...HERNING_DEFAULT_MODEL.criteria[0], scale: { min: 1, max: 4 } }],
      mandatoryCriterion: null,
    };
    expect(weightedScore(thirds, { legal_requirement: 2 }).normalised).toBe('33.33');
    expect(weightedScore(thirds, { legal_requirement: 3 }).normalised).toBe('66.67');
  });

  it('counts each criterion on its own scale', () => {
    const mixed: ScoringModelContent = {
      name: 'Mixed scales',
      criteria: [
        { id: 'fit', label: 'Strategic fit', description: '', weight: 2, scale: { min: 0, max: 10 } },
        { id: 'risk', label: 'Risk', description: '', weight: 1, scale: { min: -2, max: 2 } },
      ],
      mandatoryCriterion: null,
    };
    // (2 x 7 + 1 x -1) / 3 = 13/3; range 2 x 0 + -2 = -2 to 2 x 10 + 2 = 22; (13 + 2) / 24 = 62.5 %.
    expect(weightedScore(mixed, { fit: 7, risk: -1 })).toEqual({ numerator: 13, denominator: 3, normalised: '62.50' });
    expect(weightedScore(mixed, { fit: 0, risk: -2 }).normalised).toBe('0.00');
  });

  it('refuses scores outside the model, which validation should have caught', () => {
    expect(() => weightedScore(HERNING_DEFAULT_MODEL, herningScores(6, 1, 1, 1))).toThrow(RangeError);
    expect(() => weightedScore(HERNING_DEFAULT_MODEL, { legal_requirement: 1 })).toThrow(RangeError);
  });
});

describe('compareWeightedScores', () => {
  it('compares exactly, with no rounding', () => {
    const a = { numerator: 7, denominator: 2, normalised: '' };
    const b = { numerator: 14, denominator: 4, normalised: '' };
    const c = { numerator: 6_999_999, denominator: 2_000_000, normalised: '' }; // 3.4999995
    expect(compareWeightedScores(a, b)).toBe(0);
    expect(compareWeightedScores(c, a)).toBeLessThan(0);
    expect(compareWeightedScores(a, c)).toBeGreaterThan(0);
  });
});
