import type { DataSource } from 'typeorm';
import { PortfolioProject } from './portfolio-project.entity.js';

export const PORTFOLIO_SORTS = ['title', 'developmentCost', 'committed'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioListFilter {
  readonly organisationId: string;
  readonly forumId?: string;
  readonly departmentId?: string;
  readonly stage?: string;
  readonly status?: string;
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

/** Sort keys with no nulls, so the keyset (key, id) orders every row exactly once. */
const SORT_KEY: Record<PortfolioSort, string> = {
  title: 'p.title',
  developmentCost: 'COALESCE(p.development_cost_minor, -1)',
  committed: 'p.committed_minor',
};

/** One page of the portfolio (projects that entered it), keyset-paginated on (sort key, proposal id). */
export async function listPortfolio(dataSource: DataSource, f: PortfolioListFilter): Promise<{ items: PortfolioProject[]; nextCursor: string | null }> {
  const key = SORT_KEY[f.sort];
  const op = f.direction === 'asc' ? '>' : '<';
  const q = dataSource
    .getRepository(PortfolioProject)
    .createQueryBuilder('p')
    .where('p.organisation_id = :org', { org: f.organisationId })
    .andWhere('p.stage IS NOT NULL');
  if (f.forumId) q.andWhere(':forumId = ANY(p.forum_ids)', { forumId: f.forumId });
  if (f.departmentId) q.andWhere('p.department_id = :departmentId', { departmentId: f.departmentId });
  if (f.stage) q.andWhere('p.stage = :stage', { stage: f.stage });
  if (f.status) q.andWhere('p.status = :status', { status: f.status });
  if (f.cursor) {
    const [value, id] = decodeCursor(f.cursor);
    q.andWhere(`(${key}, p.proposal_id) ${op} (CAST(:value AS ${f.sort === 'title' ? 'text' : 'bigint'}), CAST(:id AS uuid))`, { value, id });
  }
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = await q.orderBy(key, dir).addOrderBy('p.proposal_id', dir).limit(f.limit + 1).getMany();
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor(sortValue(last, f.sort), last.proposalId) : null;
  return { items, nextCursor };
}

function sortValue(row: PortfolioProject, sort: PortfolioSort): string | number {
  return sort === 'title' ? row.title : sort === 'developmentCost' ? (row.developmentCostMinor ?? -1) : row.committedMinor;
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
