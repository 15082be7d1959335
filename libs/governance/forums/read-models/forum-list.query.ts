import type { DataSource } from 'typeorm';
import { ForumSummary } from './forum-summary.entity.js';

export const FORUM_SORT_FIELDS = {
  name: 'name',
  establishedAt: 'established_at',
} as const;
export type ForumSortField = keyof typeof FORUM_SORT_FIELDS;

export interface ForumListQuery {
  readonly organisationId: string;
  readonly kind?: readonly string[];
  readonly parentForumId?: string;
  readonly sort: ForumSortField;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
  readonly cursor?: string;
}

export interface ForumListPage {
  readonly items: ForumSummary[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by the forum list with this sort. */
export class InvalidForumCursorError extends Error {
  constructor() {
    super('the cursor is not valid for this list and sort order');
    this.name = 'InvalidForumCursorError';
  }
}

interface CursorValue {
  readonly s: string;
  readonly d: string;
  readonly v: string;
  readonly id: string;
}

const encode = (c: CursorValue) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string, sort: string, direction: string): CursorValue {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (c.s !== sort || c.d !== direction || typeof c.id !== 'string' || typeof c.v !== 'string') throw new Error();
    if (!/^[0-9a-f-]{36}$/i.test(c.id)) throw new Error();
    if (sort === 'establishedAt' && Number.isNaN(Date.parse(c.v))) throw new Error();
    return c;
  } catch {
    throw new InvalidForumCursorError();
  }
}

/** Keyset pagination over (sort column, id): stable under concurrent inserts, no OFFSET scans. */
export async function listForums(dataSource: DataSource, q: ForumListQuery): Promise<ForumListPage> {
  const column = `f.${FORUM_SORT_FIELDS[q.sort]}`;
  const qb = dataSource.getRepository(ForumSummary).createQueryBuilder('f');
  qb.where('f.organisation_id = :org', { org: q.organisationId });
  if (q.kind?.length) qb.andWhere('f.kind IN (:...kind)', { kind: q.kind });
  if (q.parentForumId) qb.andWhere('f.parent_forum_id = :parent', { parent: q.parentForumId });
  if (q.cursor) {
    const c = decode(q.cursor, q.sort, q.direction);
    const value = q.sort === 'establishedAt' ? new Date(c.v) : c.v;
    qb.andWhere(`(${column}, f.id) ${q.direction === 'asc' ? '>' : '<'} (:cv, :cid)`, { cv: value, cid: c.id });
  }
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  qb.orderBy(column, dir).addOrderBy('f.id', dir).limit(q.limit + 1);

  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const sortValue = (r: ForumSummary) => (q.sort === 'establishedAt' ? r.establishedAt.toISOString() : r.name);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encode({ s: q.sort, d: q.direction, v: sortValue(last), id: last.id }) : null,
  };
}
