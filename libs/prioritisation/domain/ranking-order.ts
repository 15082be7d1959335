import { compareCodeUnits } from './canonical-json.js';
import type { ScoreMap } from './score-set.js';
import type { Criterion } from './scoring-model.js';
import { compareWeightedScores, type WeightedScore } from './weighted-score.js';

/** A proposal with a complete score set, with what the order needs computed once. */
export interface RankingCandidate {
  readonly proposalId: string;
  readonly submittedAt: string;
  /** `submittedAt` in nanoseconds since the epoch. */
  readonly submittedAtNanos: bigint;
  readonly scores: ScoreMap;
  readonly weightedScore: WeightedScore;
  readonly mandatory: boolean;
}

/** The rule that separated two neighbouring proposals; `criterionId` is set for the `criterion` rule only. */
export type OrderRule = 'mandatory' | 'weighted_score' | 'criterion' | 'submitted_at' | 'proposal_id';

export interface OrderDecision {
  /** Negative: `a` ranks above `b`; positive: below. Never 0, since proposal ids are unique. */
  readonly sign: number;
  readonly rule: OrderRule;
  readonly criterionId: string | null;
}

/**
 * The ranking order, a total order on candidates with distinct ids:
 * 1. mandatory (legal requirement) before not mandatory;
 * 2. higher weighted score, compared exactly;
 * 3. the higher score on the first criterion in model order that differs;
 * 4. earlier submission;
 * 5. proposal id ascending (by UTF-16 code unit, the same on every machine).
 */
export function compareCandidates(a: RankingCandidate, b: RankingCandidate, criteria: readonly Criterion[]): OrderDecision {
  if (a.mandatory !== b.mandatory) return decided(a.mandatory ? -1 : 1, 'mandatory');
  const byScore = compareWeightedScores(b.weightedScore, a.weightedScore);
  if (byScore !== 0) return decided(byScore, 'weighted_score');
  for (const { id } of criteria) {
    if (a.scores[id] !== b.scores[id]) return decided(b.scores[id] - a.scores[id], 'criterion', id);
  }
  if (a.submittedAtNanos !== b.submittedAtNanos) return decided(a.submittedAtNanos < b.submittedAtNanos ? -1 : 1, 'submitted_at');
  return decided(compareCodeUnits(a.proposalId, b.proposalId), 'proposal_id');
}

function decided(sign: number, rule: OrderRule, criterionId: string | null = null): OrderDecision {
  return { sign: Math.sign(sign), rule, criterionId };
}
