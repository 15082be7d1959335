import type { Money } from '../../shared-kernel/money.js';
import type { ScoreMap } from './score-set.js';

/** One proposal put before a forum for ranking. */
export interface RankingEntry {
  readonly proposalId: string;
  readonly title: string;
  /** ISO 8601 date-time with seconds and a zone, e.g. `2026-03-01T09:30:00Z` or `...+01:00`. */
  readonly submittedAt: string;
  /** Shown beside the rank; it does not affect the order. */
  readonly requestedAmount: Money | null;
  /** The effective scores for the ranking's model version (see effectiveScores); null or incomplete: unscored. */
  readonly scores: ScoreMap | null;
}
