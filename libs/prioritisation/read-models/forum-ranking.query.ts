import type { DataSource } from 'typeorm';
import type { Currency } from '../../shared-kernel/money.js';
import type { RankingEntry, ScoreMap } from '../domain/index.js';

/** A proposal in the running, as the ranking shows it. */
export interface RankingCandidateRow extends RankingEntry {
  readonly departmentId: string;
}

interface Row {
  proposal_id: string;
  title: string;
  department_id: string;
  development_cost_minor: string | null;
  currency: string | null;
  submitted_at: Date;
  scores: ScoreMap | null;
}

/**
 * Every submitted proposal of the organisation with its effective scores for one model version (null: unscored):
 * one query, on `forum_ranking_entries_by_status` and the primary key of `forum_ranking_scores`.
 */
export async function rankingCandidates(
  dataSource: DataSource,
  organisationId: string,
  forumId: string,
  modelId: string,
  modelVersion: number,
): Promise<RankingCandidateRow[]> {
  const rows: Row[] = await dataSource.query(
    `SELECT e.proposal_id, e.title, e.department_id, e.development_cost_minor, e.currency, e.submitted_at, s.scores
       FROM forum_ranking_entries e
       LEFT JOIN forum_ranking_scores s
         ON s.forum_id = $2 AND s.model_id = $3 AND s.model_version = $4 AND s.proposal_id = e.proposal_id
      WHERE e.organisation_id = $1 AND e.status = 'submitted'`,
    [organisationId, forumId, modelId, modelVersion],
  );
  return rows.map((r) => ({
    proposalId: r.proposal_id,
    title: r.title,
    departmentId: r.department_id,
    submittedAt: r.submitted_at.toISOString(),
    requestedAmount:
      r.development_cost_minor === null || r.currency === null ? null : { amountMinor: Number(r.development_cost_minor), currency: r.currency as Currency },
    scores: r.scores,
  }));
}
