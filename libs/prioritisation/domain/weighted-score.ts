import type { ScoreMap } from './score-set.js';
import type { ScoringModelContent } from './scoring-model.js';

/**
 * A weighted score kept exact: `numerator / denominator` = sum(weight_i * score_i) / sum(weight_i), unreduced, both
 * integers. Scores are compared only by cross-multiplying in bigint, never as floats, so equal scores tie exactly.
 * Each criterion counts on its own scale: a criterion scored 1..10 moves the score twice as much as one scored 1..5
 * at the same weight; a forum that wants otherwise gives its criteria one scale.
 */
export interface WeightedScore {
  readonly numerator: number;
  readonly denominator: number;
  /**
   * For display only: where the score sits between the lowest and the highest score the model allows, as 0..100
   * with two decimals, rounded half up (e.g. "62.50"). It preserves order, but two different scores may show alike.
   */
  readonly normalised: string;
}

/** Precondition: `scores` holds a whole number within scale for every criterion (see validateScores). */
export function weightedScore(model: ScoringModelContent, scores: ScoreMap): WeightedScore {
  let numerator = 0n;
  let denominator = 0n;
  let lowest = 0n;
  let highest = 0n;
  for (const { id, weight, scale } of model.criteria) {
    const score = scores[id];
    if (!Number.isSafeInteger(score) || score < scale.min || score > scale.max) {
      throw new RangeError(`score for ${id} must be a whole number from ${scale.min} to ${scale.max}, got ${score}`);
    }
    const w = BigInt(weight);
    numerator += w * BigInt(score);
    denominator += w;
    lowest += w * BigInt(scale.min);
    highest += w * BigInt(scale.max);
  }
  return {
    numerator: Number(numerator),
    denominator: Number(denominator),
    normalised: formatHundredths(roundHalfUp(10_000n * (numerator - lowest), highest - lowest)),
  };
}

/** Negative when `a` is the lower score, positive when higher, 0 when exactly equal. Denominators are positive. */
export function compareWeightedScores(a: WeightedScore, b: WeightedScore): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `numerator / denominator` rounded half up to a whole number; both non-negative, denominator positive. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function formatHundredths(hundredths: bigint): string {
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}
