import type { Pool } from 'pg';
import type { DirectorsPortfolioRow } from '../../governance/decisions/http/portfolio.controller.js';
import {
  portfolioConditions,
  portfolioCursorAfter,
  portfolioOrder,
  type PortfolioColumns,
  type PortfolioListFilter,
} from '../../governance/decisions/read-models/portfolio-list.query.js';
import { toPortfolioScore, type PortfolioProjectScore } from '../../governance/decisions/read-models/portfolio-project-score.entity.js';
import { toPortfolioRow } from '../../governance/decisions/read-models/portfolio-row.js';
import type { PortfolioHistoryState } from './portfolio-history.state.js';
import { portfolioScores } from './portfolio-scores.js';

export interface DirectorsPortfolioPage {
  readonly items: DirectorsPortfolioRow[];
  readonly nextCursor: string | null;
  readonly limit: number;
}

/** The state's projects as rows `r`, with the columns of `portfolio_projects` and the score beside them. */
const ROWS: PortfolioColumns = { project: 'r', score: 'r.score_hundredths' };

/**
 * The directors' portfolio as it stood: the live list's filters, order and keyset cursors (the same SQL, see
 * portfolioConditions) over the projects of the state, sent to PostgreSQL as one JSON array. So titles sort by the
 * database's collation exactly as the live list does, and a cursor of one works in the other.
 */
export async function directorsPortfolioAsOf(pool: Pool, state: PortfolioHistoryState, f: PortfolioListFilter): Promise<DirectorsPortfolioPage> {
  const scores = portfolioScores(state);
  const params: unknown[] = [
    JSON.stringify(
      Object.values(state.projects).map((p) => ({
        proposal_id: p.proposalId,
        organisation_id: p.organisationId,
        department_id: p.departmentId,
        title: p.title,
        stage: p.stage,
        status: p.status,
        development_cost_minor: p.developmentCostMinor,
        committed_minor: p.committedMinor,
        forum_ids: p.forumIds,
        score_hundredths: scores.get(p.proposalId)?.scoreHundredths ?? null,
      })),
    ),
    f.limit + 1,
  ];
  const conditions = portfolioConditions(f, ROWS, (value) => `$${params.push(value)}`);
  const { rows: ordered } = await pool.query<{ proposal_id: string }>(
    `SELECT r.proposal_id FROM jsonb_to_recordset($1::jsonb)
        AS r(proposal_id uuid, organisation_id text, department_id text, title text, stage text, status text,
             development_cost_minor bigint, committed_minor bigint, forum_ids text[], score_hundredths integer)
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${portfolioOrder(f, ROWS)
        .map(([expression, direction]) => `${expression} ${direction}`)
        .join(', ')}
      LIMIT $2`,
    params,
  );
  const page = ordered.slice(0, f.limit).map((r) => state.projects[r.proposal_id]);
  const items = page.map((p) => {
    const score = scores.get(p.proposalId);
    return { ...toPortfolioRow(p), score: score ? toPortfolioScore(score as PortfolioProjectScore) : null };
  });
  const last = page.at(-1);
  const nextCursor = ordered.length > f.limit && last ? portfolioCursorAfter(last, f, scores.get(last.proposalId)?.scoreHundredths) : null;
  return { items, nextCursor, limit: f.limit };
}
