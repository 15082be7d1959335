import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  IdempotencyViolationError,
  InvalidAppendError,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  LOG_START,
  compareLogPositions,
  PollingSubscriptions,
  UpcasterRegistry,
} from '../port/index.js';
import { EVENT_ROW_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';
import { APPEND_ONE_SQL, APPEND_SQL, SCHEMA_LOCK_KEY, SCHEMA_STEPS, SCHEMA_VERSION } from './schema.js';

/**
 * The first transaction id a reader must not pass: the oldest transaction still running that could write to this
 * log. A snapshot's xmin spans the whole server, so an open transaction in another database would stall every
 * reader; transaction ids that pg_stat_activity shows as belonging to another database are left out. Leaving out
 * only ids known to be foreign keeps it safe: a transaction id is never reused, and an id we cannot place (a
 * subtransaction, a prepared transaction, one that started after the activity snapshot) still holds readers back.
 */
const VISIBLE_BELOW = `(
  SELECT COALESCE(
    (SELECT min(x) FROM pg_snapshot_xip(s.snap) AS x
      WHERE (x::text::numeric % 4294967296) NOT IN (
        SELECT a.backend_xid::text::numeric FROM pg_stat_activity a
        WHERE a.backend_xid IS NOT NULL AND a.datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(s.snap))
  FROM (SELECT pg_current_snapshot() AS snap) s)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `${EVENT_ROW_COLUMNS}, recorded_at`;

interface AppendRow {
  current_version: number;
  positions: string[] | null;
  commit: string;
  recorded_at: Date;
}

export interface PostgresEventStoreOptions {
  /**
   * Prepare the append, read and head statements once per connection (default). Off for the embedded database, where every
   * connection shares one PostgreSQL session and a statement name can exist only once.
   */
  readonly preparedStatements?: boolean;
}

type StoredRow = EventRow & { recorded_at: Date };

const READ_ALL_SQL = `SELECT ${COLUMNS} FROM es_events
  WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
    AND transaction_id < ${VISIBLE_BELOW}
  ORDER BY transaction_id, global_position
  LIMIT $3`;

const READ_ALL_OF_TYPES_SQL = `WITH bound AS MATERIALIZED (SELECT ${VISIBLE_BELOW} AS below),
  head AS MATERIALIZED (
    SELECT transaction_id::text AS head_tx, global_position::text AS head_gp FROM es_events
    WHERE transaction_id < (SELECT below FROM bound)
    ORDER BY transaction_id DESC, global_position DESC LIMIT 1),
  page AS (
    SELECT ${COLUMNS} FROM es_events
    WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
      AND transaction_id < (SELECT below FROM bound)
      AND type = ANY ($4)
    ORDER BY transaction_id, global_position
    LIMIT $3)
  SELECT page.*, head.head_tx, head.head_gp FROM head LEFT JOIN page ON true
  ORDER BY page.tx::xid8, page.gp::bigint`;

const HEAD_SQL = `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events
  WHERE transaction_id < ${VISIBLE_BELOW}
  ORDER BY transaction_id DESC, global_position DESC LIMIT 1`;

function expectedCode(expected: ExpectedVersion): number {
  switch (expected) {
    case 'any':
      return -1;
    case 'no_stream':
      return -2;
    case 'exists':
      return -3;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new InvalidAppendError(`expected version ${expected} is not a version`);
      return expected;
  }
}

/**
 * The event store on PostgreSQL through `pg`. Serves the server and, through pglite-socket, the embedded database.
 * Appends are one function call; global reads are gap-free: they only look at transactions older than the oldest
 * one still running that could write here (see VISIBLE_BELOW), ordered by (transaction id, sequence).
 */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new PollingSubscriptions(
    (o) => this.readAll(o),
    () => this.headPosition(),
  );

  private readonly options: Required<PostgresEventStoreOptions>;

  constructor(
    private readonly pool: Pool,
    private readonly upcasters = new UpcasterRegistry(),
    options: PostgresEventStoreOptions = {},
  ) {
    this.options = { preparedStatements: options.preparedStatements ?? true };
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      await client.query('CREATE TABLE IF NOT EXISTS es_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM es_schema');
      for (let v = (rows[0].v ?? 0) + 1; v <= SCHEMA_VERSION; v++) {
        await this.inTransaction(client, async () => {
          await client.query(SCHEMA_STEPS[v]);
          await client.query('INSERT INTO es_schema (version) VALUES ($1)', [v]);
        });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (!streamId) throw new InvalidAppendError('a stream id is required');
    if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
    const expected = options.expectedVersion ?? 'any';
    const ids: string[] = [];
    const rows: { id: string; type: string; v: number; data: unknown; meta: EventMetadata }[] = [];
    for (const e of events) {
      const id = e.eventId ?? randomUUID();
      if (!UUID.test(id)) throw new InvalidAppendError(`event id ${id} is not a UUID`);
      if (!e.type) throw new InvalidAppendError('every event needs a type');
      if (!e.metadata?.actor?.subject) throw new InvalidAppendError(`event ${e.type} has no actor`);
      ids.push(id);
      rows.push({ id, type: e.type, v: e.schemaVersion ?? this.upcasters.currentVersion(e.type), data: e.data ?? null, meta: e.metadata });
    }
    if (new Set(ids).size !== ids.length) throw new InvalidAppendError('event ids within one append must differ');

    const query = this.appendQuery(streamId, expectedCode(expected), rows);
    for (let attempt = 1; ; attempt++) {
      let row: AppendRow | undefined;
      try {
        ({ rows: [row] } = await this.pool.query<AppendRow>(query));
      } catch (err) {
        const constraint = (err as { constraint?: string }).constraint;
        if (constraint === 'es_events_event_id') return this.replay(streamId, ids);
        if (constraint !== 'es_events_pkey') throw err;
        // a concurrent writer took the position: "any" simply goes again, everything else is a conflict
        if (expected === 'any' && attempt < 10) continue;
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
      }
      if (row?.positions == null) {
        // nothing inserted: the version check refused, unless these events were written before (a retry)
        if (await this.anyWritten(ids)) return this.replay(streamId, ids);
        throw new WrongExpectedVersionError(streamId, expected, row?.current_version ?? (await this.streamVersion(streamId)));
      }
      const globalPositions = row.positions.map((p) => BigInt(p));
      const last = globalPositions[globalPositions.length - 1];
      const types = events.map((e) => e.type);
      this.subscriptions.notify(types);
      return {
        streamId,
        nextExpectedVersion: row.current_version + events.length,
        lastPosition: { commit: BigInt(row.commit), prepare: last },
        lastGlobalPosition: last,
        globalPositions,
        recordedAt: row.recorded_at,
        idempotentReplay: false,
      };
    }
  }

  /** One event: its fields as parameters (APPEND_ONE_SQL); more: one JSON array (APPEND_SQL). */
  private appendQuery(streamId: string, expected: number, rows: readonly { id: string; type: string; v: number; data: unknown; meta: EventMetadata }[]) {
    const [one] = rows;
    return rows.length === 1
      ? this.statement('es_append_one_v2', APPEND_ONE_SQL, [streamId, expected, one.id, one.type, one.v, JSON.stringify(one.data), JSON.stringify(one.meta)])
      : this.statement('es_append_v1', APPEND_SQL, [streamId, expected, JSON.stringify(rows)]);
  }

  /**
   * The store's frequent statements are named on a server: parsed once per connection and their plans cached, where
   * planning cost several times the execution (projections poll and read after every append). Unnamed on the
   * embedded database, whose connections share one session.
   */
  private statement(name: string, text: string, values: unknown[]) {
    return this.options.preparedStatements ? { name, text, values } : { text, values };
  }

  private async anyWritten(ids: readonly string[]): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM es_events WHERE event_id = $1::uuid', [ids[0]]);
    return rows.length > 0;
  }

  /** The events were written before: answer the first append's result, or refuse a partial or moved reuse of ids. */
  private async replay(streamId: string, ids: readonly string[]): Promise<AppendResult> {
    const { rows } = await this.pool.query<{ stream_id: string; sp: number; gp: string; tx: string; recorded_at: Date }>(
      `SELECT stream_id, stream_position::int AS sp, global_position::text AS gp, transaction_id::text AS tx, recorded_at
       FROM es_events WHERE event_id = ANY ($1::uuid[]) ORDER BY stream_position`,
      [ids],
    );
    if (rows.length !== ids.length || rows.some((r) => r.stream_id !== streamId)) throw new IdempotencyViolationError(streamId, ids);
    const last = rows[rows.length - 1];
    return {
      streamId,
      nextExpectedVersion: last.sp,
      lastPosition: { commit: BigInt(last.tx), prepare: BigInt(last.gp) },
      lastGlobalPosition: BigInt(last.gp),
      globalPositions: rows.map((r) => BigInt(r.gp)),
      recordedAt: last.recorded_at,
      idempotentReplay: true,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? null;
    const { rows } = backwards
      ? await this.pool.query<StoredRow>(
          `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND ($2::bigint IS NULL OR stream_position <= $2)
           ORDER BY stream_position DESC LIMIT $3`,
          [streamId, options.fromVersion ?? null, limit],
        )
      : await this.pool.query<StoredRow>(
          `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_position >= $2
             AND ($3::bigint IS NULL OR stream_position <= $3)
           ORDER BY stream_position ASC LIMIT $4`,
          [streamId, options.fromVersion ?? 1, options.toVersion ?? null, limit],
        );
    return rows.map((r) => toRecordedEvent(r, this.upcasters));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(
      'SELECT COALESCE(max(stream_position), 0)::int AS version FROM es_events WHERE stream_id = $1',
      [streamId],
    );
    return rows[0].version;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? LOG_START;
    const limit = options.limit ?? 1000;
    if (options.types?.length) return this.readAllOfTypes(after, limit, options.types);
    const { rows } = await this.pool.query<StoredRow>(this.statement('es_read_all_v1', READ_ALL_SQL, [after.commit.toString(), after.prepare.toString(), limit]));
    const events = rows.map((r) => toRecordedEvent(r, this.upcasters));
    return {
      events,
      lastPosition: events.length ? events[events.length - 1].position : after,
      isEnd: events.length < limit,
    };
  }

  /**
   * A filtered read that also moves past the events it leaves out: when the page is not full, everything visible
   * under the same bound has been looked at, so the position jumps to the last visible event of any type. The
   * bound is computed once, so the page and the jump see the same set of transactions.
   */
  private async readAllOfTypes(after: LogPosition, limit: number, types: readonly string[]): Promise<ReadAllResult> {
    const { rows } = await this.pool.query<StoredRow & { head_tx: string | null; head_gp: string | null }>(
      this.statement('es_read_all_of_types_v1', READ_ALL_OF_TYPES_SQL, [after.commit.toString(), after.prepare.toString(), limit, types]),
    );
    const found = rows.filter((r) => r.gp !== null);
    const events = found.map((r) => toRecordedEvent(r, this.upcasters));
    const isEnd = events.length < limit;
    let lastPosition = events.length ? events[events.length - 1].position : after;
    if (isEnd && rows.length && rows[0].head_tx !== null) {
      const head = { commit: BigInt(rows[0].head_tx), prepare: BigInt(rows[0].head_gp!) };
      if (compareLogPositions(head, lastPosition) > 0) lastPosition = head;
    }
    return { events, lastPosition, isEnd };
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(options);
  }

  async headPosition(): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ tx: string; gp: string }>(this.statement('es_head_v1', HEAD_SQL, []));
    return rows.length ? { commit: BigInt(rows[0].tx), prepare: BigInt(rows[0].gp) } : LOG_START;
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  private async inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
    await client.query('BEGIN');
    try {
      await work();
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
}
