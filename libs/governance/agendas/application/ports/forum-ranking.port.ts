import { Injectable } from '@nestjs/common';
import type { Money } from '../../../../shared-kernel/money.js';

/**
 * The forum's current prioritisation, as the agenda pack records it. Bound to the prioritisation context's ranking
 * reader; the default adapter (NoForumRanking) answers null: the forum does not score.
 *
 * Bind a real implementation by replacing the provider of `FORUM_RANKING_PORT` in MeetingsAgendasModule, e.g.
 * `{ provide: FORUM_RANKING_PORT, useExisting: ForumRankingReader }` (and import the module that provides it).
 */
export const FORUM_RANKING_PORT = Symbol('FORUM_RANKING_PORT');

export interface ForumRankingBasis {
  readonly modelId: string;
  readonly modelVersion: number;
  /** The hash of the ranking's inputs (model version, entries, rules version). */
  readonly inputsHash: string;
}

export interface ForumRankingCriterionScore {
  readonly criterionId: string;
  readonly score: number;
  readonly weight: number;
}

export interface ForumRankingRow {
  /** 1..n, no gaps, no shared ranks. */
  readonly rank: number;
  readonly proposalId: string;
  readonly title: string;
  readonly requestedAmount: Money | null;
  /** `normalised`: 0..100 with two decimals ("62.50"), for display. */
  readonly weightedScore: { readonly normalised: string };
  /** The effective score of each criterion, in the model's order. */
  readonly scores?: readonly ForumRankingCriterionScore[];
}

export interface ForumRankingUnscored {
  readonly proposalId: string;
  readonly title: string;
  readonly requestedAmount: Money | null;
}

export interface ForumRanking {
  readonly basis: ForumRankingBasis;
  readonly rows: readonly ForumRankingRow[];
  /** Requests without a complete score set for the model: not prioritised. */
  readonly unscored: readonly ForumRankingUnscored[];
}

export interface ForumRankingPort {
  /**
   * The forum's ranking now, with `modelId` or the forum's current model; null when there is none (the forum does
   * not score, or has no such model). Only the organisation's own proposals.
   */
  rank(organisationId: string, forumId: string, modelId?: string): Promise<ForumRanking | null>;
}

/** The default: no prioritisation is bound, so no forum has a ranking. */
@Injectable()
export class NoForumRanking implements ForumRankingPort {
  async rank(): Promise<ForumRanking | null> {
    return null;
  }
}
