import type { DataSource } from 'typeorm';
import { CollaborationSummary } from './collaboration-summary.entity.js';

export interface CollaborationListQuery {
  /** The acting organisation: it sees the collaborations it administers or has been a member of. */
  readonly organisationId: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CollaborationListPage {
  readonly items: CollaborationSummary[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidCollaborationCursor extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidCollaborationCursor';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw new InvalidCollaborationCursor();
  return id;
}

/** By id: keyset pagination. */
export async function listCollaborations(dataSource: DataSource, q: CollaborationListQuery): Promise<CollaborationListPage> {
  const qb = dataSource.getRepository(CollaborationSummary).createQueryBuilder('c');
  qb.where('(c.organisation_id = :org OR EXISTS (SELECT 1 FROM collaboration_memberships m WHERE m.collaboration_id = c.id AND m.organisation_id = :org))', {
    org: q.organisationId,
  });
  if (q.cursor) qb.andWhere('c.id > :after', { after: decode(q.cursor) });
  qb.orderBy('c.id', 'ASC').limit(q.limit + 1);
  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null };
}
