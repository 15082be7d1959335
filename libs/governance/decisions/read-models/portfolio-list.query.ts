import type { DataSource } from 'typeorm';
import { PortfolioProjectScore, toPortfolioScore, type PortfolioScore } from './portfolio-project-score.entity.js';
import { PortfolioProject } from './portfolio-project.entity.js';

export const PORTFOLIO_SORTS = ['title', 'developmentCost', 'committed', 'score'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioListFilter {
  readonly organisationId: string;
  readonly forumId?: string;
  readonly departmentId?: string;
  readonly stage?: string;
  readonly status?: string;
  /** Inclusive bounds on the normalised score, in hundredths (0..10000); either excludes unscored projects. */
  readonly minScoreHundredths?: number;
  readonly maxScoreHundredths?: number;
  readonly sort: PortfolioSort;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
  readonly cursor?: string;
}

export class InvalidPortfolioCursor extends Error {
  constructor() {
    super('cursor is not one this list returned');
    this.name = 'InvalidPortfolioCursor';
  }
}

/**
 * Sort keys with no nulls, so the keyset (key, id) orders every row exactly once. Unscored projects sort last in
 * either direction: below the lowest score (0) descending, above the highest (10000) ascending.
 */
function sortKey(sort: PortfolioSort, direction: 'asc' | 'desc'): string {
  switch (sort) {
    case 'title':
      return 'p.title';
    case 'developmentCost':
      return 'COALESCE(p.development_cost_minor, -1)';
    case 'committed':
      return 'p.committed_minor';
    case 'score':
      return `COALESCE(sc.score_hundredths, ${UNSCORED[direction]})`;
  }
}

const UNSCORED = { asc: 10_001, desc: -1 } as const;

/** One page of the portfolio (projects that entered it), keyset-paginated on (sort key, proposal id). */
export async function listPortfolio(
  dataSource: DataSource,
  f: PortfolioListFilter,
): Promise<{ items: PortfolioProject[]; scores: Map<string, PortfolioScore>; nextCursor: string | null }> {
  const key = sortKey(f.sort, f.direction);
  const op = f.direction === 'asc' ? '>' : '<';
  const q = dataSource
    .getRepository(PortfolioProject)
    .createQueryBuilder('p')
    .leftJoin(PortfolioProjectScore, 'sc', 'sc.proposal_id = p.proposal_id')
    .where('p.organisation_id = :org', { org: f.organisationId })
    .andWhere('p.stage IS NOT NULL');
  if (f.forumId) q.andWhere(':forumId = ANY(p.forum_ids)', { forumId: f.forumId });
  if (f.departmentId) q.andWhere('p.department_id = :departmentId', { departmentId: f.departmentId });
  if (f.stage) q.andWhere('p.stage = :stage', { stage: f.stage });
  if (f.status) q.andWhere('p.status = :status', { status: f.status });
  if (f.minScoreHundredths !== undefined) q.andWhere('sc.score_hundredths >= :minScore', { minScore: f.minScoreHundredths });
  if (f.maxScoreHundredths !== undefined) q.andWhere('sc.score_hundredths <= :maxScore', { maxScore: f.maxScoreHundredths });
  if (f.cursor) {
    const [value, id] = decodeCursor(f.cursor);
    if (f.sort === 'title' ? typeof value !== 'string' : !Number.isSafeInteger(value)) throw new InvalidPortfolioCursor();
    q.andWhere(`(${key}, p.proposal_id) ${op} (CAST(:value AS ${f.sort === 'title' ? 'text' : 'bigint'}), CAST(:id AS uuid))`, { value, id });
  }
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = await q.orderBy(key, dir).addOrderBy('p.proposal_id', dir).limit(f.limit + 1).getMany();
  const items = rows.slice(0, f.limit);
  const found = items.length
    ? await dataSource
        .getRepository(PortfolioProjectScore)
        .createQueryBuilder('s')
        .where('s.proposal_id = ANY(CAST(:ids AS uuid[]))', { ids: items.map((i) => i.proposalId) })
        .getMany()
    : [];
  const scores = new Map(found.map((s) => [s.proposalId, toPortfolioScore(s)]));
  const byId = new Map(found.map((s) => [s.proposalId, s.scoreHundredths]));
  const last = items.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor(sortValue(last, f, byId.get(last.proposalId)), last.proposalId) : null;
  return { items, scores, nextCursor };
}

function sortValue(row: PortfolioProject, f: PortfolioListFilter, score: number | undefined): string | number {
  switch (f.sort) {
    case 'title':
      return row.title;
    case 'developmentCost':
      return row.developmentCostMinor ?? -1;
    case 'committed':
      return row.committedMinor;
    case 'score':
      return score ?? UNSCORED[f.direction];
  }
}

const encodeCursor = (value: string | number, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      return [parsed[0] as string | number, parsed[1]];
    }
  } catch {
    // falls through: not a cursor of ours
  }
  throw new InvalidPortfolioCursor();
}
