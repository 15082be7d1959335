import type { Pool } from 'pg';
import type { DirectorsPortfolioRow } from '../../governance/decisions/http/portfolio.controller.js';
import { InvalidPortfolioCursor, type PortfolioListFilter, type PortfolioSort } from '../../governance/decisions/read-models/portfolio-list.query.js';
import type { PortfolioProject } from '../../governance/decisions/read-models/portfolio-project.entity.js';
import { toPortfolioScore, type PortfolioProjectScore } from '../../governance/decisions/read-models/portfolio-project-score.entity.js';
import { toPortfolioRow } from '../../governance/decisions/read-models/portfolio-row.js';
import type { PortfolioHistoryState } from './portfolio-history.state.js';
import { portfolioScores, type ScoreRow } from './portfolio-scores.js';

export interface DirectorsPortfolioPage {
  readonly items: DirectorsPortfolioRow[];
  readonly nextCursor: string | null;
  readonly limit: number;
}

const UNSCORED = { asc: 10_001, desc: -1 } as const;

/** The live list's sort keys (see listPortfolio), over the rows sent as one JSON array. */
function sortKey(sort: PortfolioSort, direction: 'asc' | 'desc'): string {
  switch (sort) {
    case 'title':
      return 'r.title';
    case 'developmentCost':
      return 'COALESCE(r.development_cost_minor, -1)';
    case 'committed':
      return 'r.committed_minor';
    case 'score':
      return `COALESCE(r.score_hundredths, ${UNSCORED[direction]})`;
  }
}

/**
 * The directors' portfolio as it stood: the live list's filters, order and keyset cursors over the projects of the
 * state. The rows are ordered by PostgreSQL (sent as one JSON array), so titles sort by the database's collation
 * exactly as the live list does, and a cursor of one works in the other.
 */
export async function directorsPortfolioAsOf(pool: Pool, state: PortfolioHistoryState, f: PortfolioListFilter): Promise<DirectorsPortfolioPage> {
  const scores = portfolioScores(state);
  const rows = Object.values(state.projects).filter((p) => matches(p, scores.get(p.proposalId), f));
  const key = sortKey(f.sort, f.direction);
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const params: unknown[] = [
    JSON.stringify(
      rows.map((p) => ({
        proposal_id: p.proposalId,
        title: p.title,
        development_cost_minor: p.developmentCostMinor,
        committed_minor: p.committedMinor,
        score_hundredths: scores.get(p.proposalId)?.scoreHundredths ?? null,
      })),
    ),
    f.limit + 1,
  ];
  let after = '';
  if (f.cursor) {
    const [value, id] = decodeCursor(f.cursor);
    if (f.sort === 'title' ? typeof value !== 'string' : !Number.isSafeInteger(value)) throw new InvalidPortfolioCursor();
    params.push(value, id);
    after = `WHERE (${key}, r.proposal_id) ${f.direction === 'asc' ? '>' : '<'} (CAST($3 AS ${f.sort === 'title' ? 'text' : 'bigint'}), CAST($4 AS uuid))`;
  }
  const { rows: ordered } = await pool.query<{ proposal_id: string }>(
    `SELECT r.proposal_id FROM jsonb_to_recordset($1::jsonb)
        AS r(proposal_id uuid, title text, development_cost_minor bigint, committed_minor bigint, score_hundredths integer)
      ${after} ORDER BY ${key} ${dir}, r.proposal_id ${dir} LIMIT $2`,
    params,
  );
  const page = ordered.slice(0, f.limit).map((r) => state.projects[r.proposal_id]);
  const items = page.map((p) => {
    const score = scores.get(p.proposalId);
    return { ...toPortfolioRow(p), score: score ? toPortfolioScore(score as PortfolioProjectScore) : null };
  });
  const last = page.at(-1);
  const nextCursor = ordered.length > f.limit && last ? encodeCursor(sortValue(last, f, scores.get(last.proposalId)), last.proposalId) : null;
  return { items, nextCursor, limit: f.limit };
}

function matches(p: PortfolioProject, score: ScoreRow | undefined, f: PortfolioListFilter): boolean {
  if (p.organisationId !== f.organisationId || p.stage === null) return false;
  if (f.forumId && !p.forumIds.includes(f.forumId)) return false;
  if (f.departmentId && p.departmentId !== f.departmentId) return false;
  if (f.stage && p.stage !== f.stage) return false;
  if (f.status && p.status !== f.status) return false;
  if (f.minScoreHundredths !== undefined && (score === undefined || score.scoreHundredths < f.minScoreHundredths)) return false;
  if (f.maxScoreHundredths !== undefined && (score === undefined || score.scoreHundredths > f.maxScoreHundredths)) return false;
  return true;
}

function sortValue(row: PortfolioProject, f: PortfolioListFilter, score: ScoreRow | undefined): string | number {
  switch (f.sort) {
    case 'title':
      return row.title;
    case 'developmentCost':
      return row.developmentCostMinor ?? -1;
    case 'committed':
      return row.committedMinor;
    case 'score':
      return score?.scoreHundredths ?? UNSCORED[f.direction];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// the live list's cursor format: base64url of [sort value, proposal id]
const encodeCursor = (value: string | number, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      return [parsed[0] as string | number, parsed[1]];
    }
  } catch {
    // falls through: not a cursor of ours
  }
  throw new InvalidPortfolioCursor();
}
