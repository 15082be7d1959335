import type { Money } from '../../shared-kernel/money.js';
import { compareCodeUnits } from './canonical-json.js';
import { InvalidRankingEntry } from './errors.js';
import { parseInstant } from './instant.js';
import type { RankingEntry } from './ranking-entry.js';
import { rankingInputsHash } from './ranking-inputs-hash.js';
import type { RankingSelection } from './ranking-selection.js';
import { compareCandidates, type OrderRule, type RankingCandidate } from './ranking-order.js';
import type { ScoreMap } from './score-set.js';
import type { ScoringModelVersion } from './scoring-model.js';
import { explainPlacement, FIRST_ROW_EXPLANATION } from './tie-break-explanation.js';
import { isWholeIn, validateScoringModelContent } from './validate-scoring-model.js';
import { weightedScore, type WeightedScore } from './weighted-score.js';

/** Bumped whenever the order or the hashed inputs change, so an old ranking is never mistaken for a new one. */
export const RANKING_RULES_VERSION = 1;

/** What a decision records to say exactly which ranking the forum saw. */
export interface RankingBasis {
  readonly forumId: string;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly rulesVersion: number;
  readonly inputsHash: string;
}

export interface RankedProposal {
  /** 1..n without gaps or shared ranks. */
  readonly rank: number;
  readonly proposalId: string;
  readonly title: string;
  readonly requestedAmount: Money | null;
  readonly weightedScore: WeightedScore;
  /** A legal requirement under the model's mandatory criterion. */
  readonly mandatory: boolean;
  /** The rule that placed this row below the one above it; `first` for rank 1. */
  readonly decidedBy: { readonly rule: OrderRule | 'first'; readonly criterionId: string | null };
  /** The same in words, naming the proposal above and the values compared. */
  readonly tieBreak: string;
}

export interface Ranking {
  readonly basis: RankingBasis;
  readonly rows: readonly RankedProposal[];
  /** Proposals without a complete score set for this model version: not prioritised. Sorted by id. */
  readonly unscored: readonly string[];
}

/**
 * Ranks a forum's proposals with one model version. The order (see compareCandidates):
 * 1. mandatory proposals (mandatory criterion scored at least its minimum) before all others;
 * 2. weighted score, highest first, compared as exact fractions;
 * 3. ties: the higher score on the first criterion, in model order, where the two differ;
 * 4. then the earlier `submittedAt`;
 * 5. then proposal id ascending.
 * The result depends only on the inputs, not on their order. `selection` is how the entries were chosen (see
 * rankWithinMandate); absent, they are every submitted proposal of the organisation. Throws InvalidScoringModel for
 * an invalid model and InvalidRankingEntry for a duplicate id, a bad timestamp, or a score the model cannot hold.
 */
export function rankProposals(model: ScoringModelVersion, entries: readonly RankingEntry[], selection?: RankingSelection): Ranking {
  validateScoringModelContent(model);
  const candidates: RankingCandidate[] = [];
  const unscored: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const { proposalId } = entry;
    if (typeof proposalId !== 'string' || proposalId.trim() === '') {
      throw new InvalidRankingEntry(String(proposalId), 'proposalId', 'must not be empty');
    }
    if (seen.has(proposalId)) throw new InvalidRankingEntry(proposalId, 'proposalId', 'appears more than once');
    seen.add(proposalId);
    const submittedAtNanos = parseInstant(entry.submittedAt);
    if (submittedAtNanos === null) {
      throw new InvalidRankingEntry(proposalId, 'submittedAt', 'must be an ISO 8601 date-time with seconds and a zone');
    }
    const scores = completeScores(model, entry);
    if (scores === null) {
      unscored.push(proposalId);
      continue;
    }
    candidates.push({
      proposalId,
      submittedAt: entry.submittedAt,
      submittedAtNanos,
      scores,
      weightedScore: weightedScore(model, scores),
      mandatory: isMandatory(model, scores),
    });
  }
  const ordered = candidates.sort((a, b) => compareCandidates(a, b, model.criteria).sign);
  const byId = new Map(entries.map((entry) => [entry.proposalId, entry]));
  const rows = ordered.map((candidate, i): RankedProposal => {
    const entry = byId.get(candidate.proposalId)!;
    const above = ordered[i - 1];
    const decision = above && compareCandidates(above, candidate, model.criteria);
    return {
      rank: i + 1,
      proposalId: candidate.proposalId,
      title: entry.title,
      requestedAmount: entry.requestedAmount,
      weightedScore: candidate.weightedScore,
      mandatory: candidate.mandatory,
      decidedBy: decision ? { rule: decision.rule, criterionId: decision.criterionId } : { rule: 'first', criterionId: null },
      tieBreak: decision ? explainPlacement(decision, above, candidate, model) : FIRST_ROW_EXPLANATION,
    };
  });
  const { forumId, modelId, version } = model;
  return {
    basis: {
      forumId,
      modelId,
      modelVersion: version,
      rulesVersion: RANKING_RULES_VERSION,
      inputsHash: rankingInputsHash(RANKING_RULES_VERSION, model, entries, selection),
    },
    rows,
    unscored: unscored.sort(compareCodeUnits),
  };
}

/** The entry's scores in model order, or null when some criterion is unscored. A score that is there must fit. */
function completeScores(model: ScoringModelVersion, entry: RankingEntry): ScoreMap | null {
  const scores = entry.scores ?? {};
  for (const id of Object.keys(scores)) {
    const criterion = model.criteria.find((c) => c.id === id);
    const field = `scores.${id}`;
    if (criterion === undefined) {
      throw new InvalidRankingEntry(entry.proposalId, field, `is not a criterion of model ${model.modelId} version ${model.version}`);
    }
    const { min, max } = criterion.scale;
    const score = scores[id];
    if (score !== null && score !== undefined && !isWholeIn(score, min, max)) {
      throw new InvalidRankingEntry(entry.proposalId, field, `must be a whole number from ${min} to ${max}`);
    }
  }
  const complete = model.criteria.every(({ id }) => typeof scores[id] === 'number');
  return complete ? Object.fromEntries(model.criteria.map(({ id }) => [id, scores[id]])) : null;
}

function isMandatory(model: ScoringModelVersion, scores: ScoreMap): boolean {
  const rule = model.mandatoryCriterion;
  return rule !== null && scores[rule.criterionId] >= rule.minimumScore;
}
