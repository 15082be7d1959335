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
 * Where the list's columns are: the live tables, or the rows a list as of a point sends to PostgreSQL as JSON. Both
 * name the project's columns as `portfolio_projects` does.
 */
export interface PortfolioColumns {
  /** Alias of the projects. */
  readonly project: string;
  /** The project's score in hundredths, NULL when it has none. */
  readonly score: string;
}

/** The live tables: `portfolio_projects` as `p`, its score left-joined as `sc`. */
const LIVE: PortfolioColumns = { project: 'p', score: 'sc.score_hundredths' };

/**
 * Sort keys with no nulls, so the keyset (key, id) orders every row exactly once. Unscored projects sort last in
 * either direction: below the lowest score (0) descending, above the highest (10000) ascending.
 */
function sortKey(f: PortfolioListFilter, c: PortfolioColumns): string {
  switch (f.sort) {
    case 'title':
      return `${c.project}.title`;
    case 'developmentCost':
      return `COALESCE(${c.project}.development_cost_minor, -1)`;
    case 'committed':
      return `${c.project}.committed_minor`;
    case 'score':
      return `COALESCE(${c.score}, ${UNSCORED[f.direction]})`;
  }
}

const UNSCORED = { asc: 10_001, desc: -1 } as const;

/**
 * The list's WHERE conditions: which projects each filter keeps, and where the cursor resumes. The live list and the
 * list as of a point both use these, so a filter or a cursor means the same in each. `param` binds a value and
 * returns its placeholder in the caller's query style.
 */
export function portfolioConditions(f: PortfolioListFilter, c: PortfolioColumns, param: (value: unknown) => string): string[] {
  const p = c.project;
  const where = [`${p}.organisation_id = ${param(f.organisationId)}`, `${p}.stage IS NOT NULL`];
  if (f.forumId) where.push(`${param(f.forumId)} = ANY(${p}.forum_ids)`);
  if (f.departmentId) where.push(`${p}.department_id = ${param(f.departmentId)}`);
  if (f.stage) where.push(`${p}.stage = ${param(f.stage)}`);
  if (f.status) where.push(`${p}.status = ${param(f.status)}`);
  if (f.minScoreHundredths !== undefined) where.push(`${c.score} >= ${param(f.minScoreHundredths)}`);
  if (f.maxScoreHundredths !== undefined) where.push(`${c.score} <= ${param(f.maxScoreHundredths)}`);
  if (f.cursor) {
    const [value, id] = decodeCursor(f.cursor);
    if (f.sort === 'title' ? typeof value !== 'string' : !Number.isSafeInteger(value)) throw new InvalidPortfolioCursor();
    const op = f.direction === 'asc' ? '>' : '<';
    where.push(`(${sortKey(f, c)}, ${p}.proposal_id) ${op} (CAST(${param(value)} AS ${f.sort === 'title' ? 'text' : 'bigint'}), CAST(${param(id)} AS uuid))`);
  }
  return where;
}

/** The list's ORDER BY, term by term: the sort key, then the proposal id, in the filter's direction. */
export function portfolioOrder(f: PortfolioListFilter, c: PortfolioColumns): [expression: string, direction: 'ASC' | 'DESC'][] {
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  return [
    [sortKey(f, c), dir],
    [`${c.project}.proposal_id`, dir],
  ];
}

/** The cursor of the page after the one `last` ends. */
export function portfolioCursorAfter(last: PortfolioProject, f: PortfolioListFilter, scoreHundredths: number | undefined): string {
  return encodeCursor(sortValue(last, f, scoreHundredths), last.proposalId);
}

/** One page of the portfolio (projects that entered it), keyset-paginated on (sort key, proposal id). */
export async function listPortfolio(
  dataSource: DataSource,
  f: PortfolioListFilter,
): Promise<{ items: PortfolioProject[]; scores: Map<string, PortfolioScore>; nextCursor: string | null }> {
  const params: Record<string, unknown> = {};
  const conditions = portfolioConditions(f, LIVE, (value) => {
    const name = `v${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  });
  const q = dataSource
    .getRepository(PortfolioProject)
    .createQueryBuilder('p')
    .leftJoin(PortfolioProjectScore, 'sc', 'sc.proposal_id = p.proposal_id')
    .where(conditions.join(' AND '), params);
  for (const [expression, direction] of portfolioOrder(f, LIVE)) q.addOrderBy(expression, direction);
  const rows = await q.limit(f.limit + 1).getMany();
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
  const nextCursor = rows.length > f.limit && last ? portfolioCursorAfter(last, f, byId.get(last.proposalId)) : null;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// base64url of [sort value, proposal id]
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
