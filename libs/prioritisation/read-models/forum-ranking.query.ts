import type { DataSource } from 'typeorm';
import type { Currency } from '../../shared-kernel/money.js';
import type { MandateScope, ScopedRankingEntry, ScoreMap } from '../domain/index.js';

/** A proposal in the running, as the ranking shows it, with what places it within or outside a mandate. */
export type RankingCandidateRow = ScopedRankingEntry;

interface Row {
  proposal_id: string;
  title: string;
  department_id: string;
  investment_area: string | null;
  development_cost_minor: string | null;
  currency: string | null;
  submitted_at: Date;
}

/**
 * Every submitted proposal of the organisation with its effective scores for one model version (null: unscored),
 * read on `forum_ranking_entries_by_status` and the primary key of `forum_ranking_scores`. The mandate narrows them
 * in the domain (rankWithinMandate), where the rule is stated and tested.
 */
export async function rankingCandidates(
  dataSource: DataSource,
  organisationId: string,
  forumId: string,
  modelId: string,
  modelVersion: number,
): Promise<RankingCandidateRow[]> {
  // two single-table reads joined here rather than one SQL join: right after a bulk of new rows, before PostgreSQL
  // has analysed the tables, the planner may pick a nested loop over sequential scans, quadratic in the proposals
  const rows: Row[] = await dataSource.query(
    `SELECT proposal_id, title, department_id, investment_area, development_cost_minor, currency, submitted_at
       FROM forum_ranking_entries
      WHERE organisation_id = $1 AND status = 'submitted'`,
    [organisationId],
  );
  const scored: { proposal_id: string; scores: ScoreMap }[] = await dataSource.query(
    `SELECT proposal_id, scores FROM forum_ranking_scores WHERE forum_id = $1 AND model_id = $2 AND model_version = $3`,
    [forumId, modelId, modelVersion],
  );
  const scores = new Map(scored.map((r) => [r.proposal_id, r.scores]));
  return rows.map((r) => ({
    proposalId: r.proposal_id,
    title: r.title,
    departmentId: r.department_id,
    investmentArea: r.investment_area,
    submittedAt: r.submitted_at.toISOString(),
    requestedAmount:
      r.development_cost_minor === null || r.currency === null ? null : { amountMinor: Number(r.development_cost_minor), currency: r.currency as Currency },
    scores: scores.get(r.proposal_id) ?? null,
  }));
}

/** The scope of the forum's mandate as the forums context last stated it; the whole organisation when it stated none. */
export async function mandateScope(dataSource: DataSource, organisationId: string, forumId: string): Promise<MandateScope> {
  const rows: { investment_areas: string[]; department_ids: string[] }[] = await dataSource.query(
    'SELECT investment_areas, department_ids FROM forum_ranking_mandates WHERE forum_id = $1 AND organisation_id = $2',
    [forumId, organisationId],
  );
  return rows.length === 0 ? { investmentAreas: [], departmentIds: [] } : { investmentAreas: rows[0].investment_areas, departmentIds: rows[0].department_ids };
}
