import type { DataSource } from 'typeorm';
import { ProposalSummary } from './proposal-summary.entity.js';

export const PROPOSAL_SORT_FIELDS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  title: 'title',
  developmentCost: 'development_cost_minor',
} as const;
export type ProposalSortField = keyof typeof PROPOSAL_SORT_FIELDS;

const LIST_COLUMNS = [
  'id', 'organisationId', 'departmentId', 'title', 'status', 'classification', 'criteriaMet', 'developmentCostMinor',
  'yearlyOperationsCostMinor', 'currency', 'investmentArea', 'legalRequirement', 'estimatedHours', 'plannedStart',
  'plannedEnd', 'version', 'createdAt', 'updatedAt', 'submittedAt', 'withdrawnAt',
] as const;

export interface ProposalListQuery {
  readonly organisationId: string;
  readonly status?: readonly string[];
  readonly departmentId?: readonly string[];
  readonly classification?: string;
  readonly sort: ProposalSortField;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
  readonly cursor?: string;
}

export interface ProposalListPage {
  readonly items: ProposalSummary[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list with this sort. */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not valid for this list and sort order');
    this.name = 'InvalidCursorError';
  }
}

interface CursorValue {
  readonly s: string;
  readonly d: string;
  readonly v: string | number | null;
  readonly id: string;
}

const encode = (c: CursorValue) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string, sort: string, direction: string): CursorValue {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (c.s !== sort || c.d !== direction || typeof c.id !== 'string') throw new Error();
    return c;
  } catch {
    throw new InvalidCursorError();
  }
}

/**
 * Keyset pagination over (sort column, id): stable under concurrent inserts, no OFFSET scans. NULLs (an unstated
 * cost) sort last in either direction.
 */
export async function listProposals(dataSource: DataSource, q: ProposalListQuery): Promise<ProposalListPage> {
  const column = `p.${PROPOSAL_SORT_FIELDS[q.sort]}`;
  const qb = dataSource.getRepository(ProposalSummary).createQueryBuilder('p');
  qb.where('p.organisation_id = :org', { org: q.organisationId });
  if (q.status?.length) qb.andWhere('p.status IN (:...status)', { status: q.status });
  if (q.departmentId?.length) qb.andWhere('p.department_id IN (:...dep)', { dep: q.departmentId });
  if (q.classification) qb.andWhere('p.classification = :cls', { cls: q.classification });

  const op = q.direction === 'asc' ? '>' : '<';
  if (q.cursor) {
    const c = decode(q.cursor, q.sort, q.direction);
    const value = q.sort === 'createdAt' || q.sort === 'updatedAt' ? new Date(c.v as string) : c.v;
    if (value === null) {
      qb.andWhere(`(${column} IS NULL AND p.id ${op} :cid)`, { cid: c.id });
    } else if (q.sort === 'developmentCost') {
      qb.andWhere(`((${column}, p.id) ${op} (:cv, :cid) OR ${column} IS NULL)`, { cv: value, cid: c.id });
    } else {
      qb.andWhere(`(${column}, p.id) ${op} (:cv, :cid)`, { cv: value, cid: c.id });
    }
  }
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  // only the cost can be unstated; NULLS LAST on the other columns would keep PostgreSQL from using their indexes
  if (q.sort === 'developmentCost') qb.orderBy(column, dir, 'NULLS LAST');
  else qb.orderBy(column, dir);
  qb.addOrderBy('p.id', dir).limit(q.limit + 1);
  // the stored form is for folding amendments, not for the list
  qb.select(LIST_COLUMNS.map((c) => `p.${c}`));

  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const sortValue = (r: ProposalSummary): string | number | null => {
    const v = r[q.sort === 'developmentCost' ? 'developmentCostMinor' : q.sort];
    return v instanceof Date ? v.toISOString() : (v as string | number | null);
  };
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encode({ s: q.sort, d: q.direction, v: sortValue(last), id: last.id }) : null,
  };
}
