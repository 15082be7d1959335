import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import {
  currentModelVersion,
  rankWithinMandate,
  type ExistingScoringModel,
  type MandateScope,
  type OrderRule,
  ScoringModelNotFound,
  type RankingBasis,
  type RankingSelectionRule,
  type ScoringModelVersion,
  type WeightedScore,
} from '../domain/index.js';
import { mandateScope, rankingCandidates } from '../read-models/forum-ranking.query.js';
import { ScoringModelSummary } from '../read-models/scoring-model-summary.entity.js';
import { AmbiguousScoringModel, ScoringModelOfAnotherForum } from './errors.js';
import { loadScoringModel } from './scoring-model-loader.js';

/** A proposal as the forum sees it in its ranking. */
export interface RankedRequest {
  readonly proposalId: string;
  readonly title: string;
  readonly departmentId: string;
  /** The requested development cost; null when the proposal does not state it. */
  readonly requestedAmount: Money | null;
  readonly submittedAt: string;
}

/** One criterion's effective score, with its weight in the model version. */
export interface CriterionScore {
  readonly criterionId: string;
  readonly score: number;
  readonly weight: number;
}

/** A prioritised request: the proposal, its place, and why it sits below the one above. */
export interface ForumRankingRow extends RankedRequest {
  /** 1..n, no gaps, no shared ranks. */
  readonly rank: number;
  /** The effective score of each criterion, in model order. */
  readonly scores: readonly CriterionScore[];
  /** Exact (`numerator / denominator`) and, for display, normalised 0..100. */
  readonly weightedScore: WeightedScore;
  readonly mandatory: boolean;
  readonly decidedBy: { readonly rule: OrderRule | 'first'; readonly criterionId: string | null };
  readonly tieBreak: string;
}

/**
 * A forum's current ranking: plain JSON, self-contained (the whole model version is in it), so an agenda can
 * freeze it as it is and an auditor can recompute `basis.inputsHash` from it.
 */
export interface ForumRanking {
  readonly organisationId: string;
  readonly forumId: string;
  /**
   * Which proposals were ranked: `all_submitted_proposals_of_the_organisation` when the forum's mandate names no
   * investment area and no department (or the forums context knows no such forum), otherwise
   * `submitted_proposals_within_the_forum_mandate`, with the areas and departments in `mandateScope`.
   */
  readonly selection: RankingSelectionRule;
  readonly mandateScope: MandateScope;
  readonly model: ScoringModelVersion & { readonly status: 'active' | 'retired' };
  readonly basis: RankingBasis;
  /** The prioritised requests, in rank order. */
  readonly rows: readonly ForumRankingRow[];
  /** The requests not yet prioritised (no complete score set for this model version), by proposal id. */
  readonly unscored: readonly RankedRequest[];
}

/**
 * The application service that ranks a forum's proposals: one indexed query on the `forum_rankings` read model,
 * the model version from its own stream, and the pure `rankWithinMandate`. For the agenda freeze and the HTTP API.
 */
@Injectable()
export class ForumRankingReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Ranks the submitted proposals within the forum's mandate as the read model last saw it (a mandate change narrows
   * or widens the rankings from then on), with the model's version in force. `modelId` absent: the forum's only
   * active model. Null when there is no model to rank with: the forum has no active model (it does not score), or
   * `modelId` names no model of the organisation. Throws ScoringModelOfAnotherForum, and AmbiguousScoringModel when
   * the forum has several active models and none is named.
   */
  async rank(organisationId: string, forumId: string, modelId?: string): Promise<ForumRanking | null> {
    const state = await this.modelFor(organisationId, forumId, modelId);
    if (state === null) return null;
    const model = currentModelVersion(state)!;
    const [candidates, scope] = await Promise.all([
      rankingCandidates(this.dataSource, organisationId, forumId, model.modelId, model.version),
      mandateScope(this.dataSource, organisationId, forumId),
    ]);
    const { selection, ranking } = rankWithinMandate(model, candidates, scope);
    const byId = new Map(candidates.map((c) => [c.proposalId, c]));
    const request = (id: string): RankedRequest => {
      const { proposalId, title, departmentId, requestedAmount, submittedAt } = byId.get(id)!;
      return { proposalId, title, departmentId, requestedAmount, submittedAt };
    };
    return {
      organisationId,
      forumId,
      selection: selection.rule,
      mandateScope: { investmentAreas: selection.investmentAreas, departmentIds: selection.departmentIds },
      model: { ...model, status: state.status },
      basis: ranking.basis,
      rows: ranking.rows.map((row) => ({
        rank: row.rank,
        ...request(row.proposalId),
        scores: model.criteria.map(({ id, weight }) => ({ criterionId: id, score: byId.get(row.proposalId)!.scores![id], weight })),
        weightedScore: row.weightedScore,
        mandatory: row.mandatory,
        decidedBy: row.decidedBy,
        tieBreak: row.tieBreak,
      })),
      unscored: ranking.unscored.map(request),
    };
  }

  private async modelFor(organisationId: string, forumId: string, modelId?: string): Promise<ExistingScoringModel | null> {
    if (modelId !== undefined) {
      const state = await loadScoringModel(this.store, organisationId, modelId).then(
        (loaded) => loaded.state,
        (error: unknown) => {
          if (error instanceof ScoringModelNotFound) return null;
          throw error;
        },
      );
      if (state !== null && state.forumId !== forumId) throw new ScoringModelOfAnotherForum(modelId, state.forumId, forumId);
      return state;
    }
    const active = await this.dataSource.getRepository(ScoringModelSummary).find({
      select: { id: true },
      where: { organisationId, forumId, status: 'active' },
      order: { id: 'ASC' },
    });
    if (active.length === 0) return null;
    if (active.length > 1) throw new AmbiguousScoringModel(forumId, active.map((m) => m.id));
    return (await loadScoringModel(this.store, organisationId, active[0].id)).state;
  }
}
