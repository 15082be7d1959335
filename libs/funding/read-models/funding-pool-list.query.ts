import type { DataSource } from 'typeorm';
import { FundingPoolSummary } from './funding-pool-summary.entity.js';

export interface FundingPoolListQuery {
  readonly organisationId: string;
  readonly forumId?: string;
  readonly year?: number;
  readonly limit: number;
  readonly cursor?: string;
}

export interface FundingPoolListPage {
  readonly items: FundingPoolSummary[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidFundingPoolCursor extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidFundingPoolCursor';
  }
}

interface CursorValue {
  readonly y: number;
  readonly id: string;
}

const encode = (c: CursorValue) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string): CursorValue {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (!Number.isSafeInteger(c.y) || typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error();
    return c;
  } catch {
    throw new InvalidFundingPoolCursor();
  }
}

/** The newest year first, then by id: keyset pagination over (year, id). */
export async function listFundingPools(dataSource: DataSource, q: FundingPoolListQuery): Promise<FundingPoolListPage> {
  const qb = dataSource.getRepository(FundingPoolSummary).createQueryBuilder('p');
  qb.where('p.organisation_id = :org', { org: q.organisationId });
  if (q.forumId !== undefined) qb.andWhere('p.forum_id = :forum', { forum: q.forumId });
  if (q.year !== undefined) qb.andWhere('p.year = :year', { year: q.year });
  if (q.cursor) {
    const c = decode(q.cursor);
    qb.andWhere('(p.year < :cy OR (p.year = :cy AND p.id > :cid))', { cy: c.y, cid: c.id });
  }
  qb.orderBy('p.year', 'DESC').addOrderBy('p.id', 'ASC').limit(q.limit + 1);
  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encode({ y: last.year, id: last.id }) : null };
}
