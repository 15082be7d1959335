import type { DataSource } from 'typeorm';
import { CostAllocationKeySummary } from './cost-allocation-key-summary.entity.js';

export interface CostAllocationKeyListQuery {
  readonly organisationId: string;
  readonly basis?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CostAllocationKeyListPage {
  readonly items: CostAllocationKeySummary[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidCostAllocationKeyCursor extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidCostAllocationKeyCursor';
  }
}

interface CursorValue {
  readonly n: string;
  readonly id: string;
}

const encode = (c: CursorValue) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string): CursorValue {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (typeof c.n !== 'string' || typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error();
    return c;
  } catch {
    throw new InvalidCostAllocationKeyCursor();
  }
}

/** By name, then id: keyset pagination over (name, id). */
export async function listCostAllocationKeys(dataSource: DataSource, q: CostAllocationKeyListQuery): Promise<CostAllocationKeyListPage> {
  const qb = dataSource.getRepository(CostAllocationKeySummary).createQueryBuilder('k');
  qb.where('k.organisation_id = :org', { org: q.organisationId });
  if (q.basis !== undefined) qb.andWhere('k.basis = :basis', { basis: q.basis });
  if (q.cursor) {
    const c = decode(q.cursor);
    qb.andWhere('(k.name > :cn OR (k.name = :cn AND k.id > :cid))', { cn: c.n, cid: c.id });
  }
  qb.orderBy('k.name', 'ASC').addOrderBy('k.id', 'ASC').limit(q.limit + 1);
  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encode({ n: last.name, id: last.id }) : null };
}
