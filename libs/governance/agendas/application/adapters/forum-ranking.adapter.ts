import { Injectable } from '@nestjs/common';
import { ForumRankingReader } from '../../../../prioritisation/application/forum-ranking.reader.js';
import { ScoringModelNotFound } from '../../../../prioritisation/domain/index.js';
import type { ForumRanking, ForumRankingPort } from '../ports/forum-ranking.port.js';

/**
 * Binds the agenda pack's ranking port to the prioritisation context. The pack records only what it needs of a
 * ranking (rank, title, amount, the normalised score, per-criterion scores with their weights), so the reader's
 * richer rows are flattened here; a forum without a model has no ranking (null), which the pack shows as such.
 */
@Injectable()
export class ForumRankingAdapter implements ForumRankingPort {
  constructor(private readonly reader: ForumRankingReader) {}

  async rank(organisationId: string, forumId: string, modelId?: string): Promise<ForumRanking | null> {
    const ranking = await this.reader.rank(organisationId, forumId, modelId).catch((error: unknown) => {
      if (error instanceof ScoringModelNotFound) return null;
      throw error;
    });
    if (ranking === null) return null;
    const weights = new Map(ranking.model.criteria.map((criterion) => [criterion.id, criterion.weight]));
    return {
      basis: { modelId: ranking.model.modelId, modelVersion: ranking.model.version, inputsHash: ranking.basis.inputsHash },
      rows: ranking.rows.map((row) => ({
        rank: row.rank,
        proposalId: row.proposalId,
        title: row.title,
        requestedAmount: row.requestedAmount,
        weightedScore: { normalised: row.weightedScore.normalised },
        scores: row.scores.map(({ criterionId, score }) => ({ criterionId, score, weight: weights.get(criterionId) ?? 0 })),
      })),
      unscored: ranking.unscored.map(({ proposalId, title, requestedAmount }) => ({ proposalId, title, requestedAmount })),
    };
  }
}
