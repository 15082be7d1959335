import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  EVENT_ROW_COLUMNS,
  EVENT_STORE,
  LOG_START,
  eventRowPosition,
  formatLogPosition,
  parseLogPosition,
  type EventRow,
  type EventStore,
  type LogPosition,
} from '../../event-store/index.js';
import { PersonKeys } from '../../personal-data/store/person-keys.js';
import { revealPersons } from '../../personal-data/store/reveal-persons.js';
import { PG_POOL } from '../../platform/index.js';
import type { AuditEvent } from './audit-event.js';
import { EVENT_FORUM_SQL, EVENT_ORGANISATION_SQL } from './event-organisation.js';

/** What an auditor asks for; every filter is optional, the organisation never is. */
export interface AuditFilter {
  readonly organisationId: string;
  readonly stream?: string;
  readonly actor?: string;
  readonly types?: readonly string[];
  readonly forum?: string;
  readonly correlationId?: string;
  /** Inclusive. Times with a zone, compared by PostgreSQL (microseconds kept). */
  readonly from?: string;
  /** Exclusive. */
  readonly to?: string;
}

export interface AuditPage {
  readonly events: AuditEvent[];
  /** Where the next page starts; null when nothing more is visible now. */
  readonly next: LogPosition | null;
}

export class InvalidAuditCursor extends Error {
  constructor() {
    super('cursor must be a cursor returned by this list');
    this.name = 'InvalidAuditCursor';
  }
}

type Row = EventRow & { recorded_at: string; organisation_id: string };

/** Cursors are the last position a page returned, opaque to clients. */
export const encodeAuditCursor = (position: LogPosition) => Buffer.from(formatLogPosition(position)).toString('base64url');

export function decodeAuditCursor(cursor: string): LogPosition {
  const position = parseLogPosition(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!position || encodeAuditCursor(position) !== cursor) throw new InvalidAuditCursor();
  return position;
}

/**
 * The event log, filtered for an auditor, in the log's read order. Reads never pass the head a reader can safely see
 * (`headPosition`), so paging through the log while others write never skips an event that commits late. Each filter
 * has an index on `es_events` or runs within the organisation's (migration EventLogAuditIndexes). Nothing expires.
 */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personKeys: PersonKeys,
  ) {}

  /** The furthest position a page may reach now; an export fixes it once, so it is one consistent cut of the log. */
  head(): Promise<LogPosition> {
    return this.store.headPosition();
  }

  async page(filter: AuditFilter, after: LogPosition | null, limit: number, upTo: LogPosition): Promise<AuditPage> {
    const start = after ?? LOG_START;
    const params: unknown[] = [filter.organisationId, start.commit.toString(), start.prepare.toString(), upTo.commit.toString(), upTo.prepare.toString()];
    const where = [
      `${EVENT_ORGANISATION_SQL} = $1`,
      '(transaction_id, global_position) > ($2::text::xid8, $3::bigint)',
      '(transaction_id, global_position) <= ($4::text::xid8, $5::bigint)',
    ];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filter.stream !== undefined) add((p) => `stream_id = ${p}`, filter.stream);
    if (filter.actor !== undefined) add((p) => `metadata->'actor'->>'subject' = ${p}`, filter.actor);
    if (filter.types?.length) add((p) => `type = ANY (${p}::text[])`, filter.types);
    if (filter.forum !== undefined) add((p) => `${EVENT_FORUM_SQL} = ${p}`, filter.forum);
    if (filter.correlationId !== undefined) add((p) => `metadata->>'correlationId' = ${p}`, filter.correlationId);
    if (filter.from !== undefined) add((p) => `recorded_at >= ${p}::timestamptz`, filter.from);
    if (filter.to !== undefined) add((p) => `recorded_at < ${p}::timestamptz`, filter.to);
    params.push(limit + 1);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${EVENT_ROW_COLUMNS}, to_json(recorded_at)#>>'{}' AS recorded_at, ${EVENT_ORGANISATION_SQL} AS organisation_id
         FROM es_events
        WHERE ${where.join(' AND ')}
        ORDER BY transaction_id, global_position
        LIMIT $${params.length}`,
      params,
    );
    // read straight from the table, so people are decrypted here as the event store does on every read
    const events = await revealPersons(this.personKeys, rows.slice(0, limit).map(toAuditEvent));
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { events, next: last && eventRowPosition(last) };
  }
}

function toAuditEvent(r: Row): AuditEvent {
  return {
    position: `${r.tx}.${r.gp}`,
    globalPosition: r.gp,
    recordedAt: r.recorded_at,
    streamId: r.stream_id,
    version: r.sp,
    eventId: r.event_id,
    type: r.type,
    schemaVersion: r.schema_version,
    organisationId: r.organisation_id,
    data: r.data,
    metadata: r.metadata,
  };
}
