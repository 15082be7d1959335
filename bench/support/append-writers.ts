import { getPostgreSQLEventStore, type PostgresEventStore as EmmettStore } from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import pg from 'pg';
import { PostgresEventStore, type EventMetadata } from '../../libs/event-store/index.js';

/** One event as every variant receives it: same id, type, payload and metadata. */
export interface BenchEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

/** One command: append `events` to `streamId`, which stands at `expectedVersion` (0: does not exist yet). */
export interface AppendCommand {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly events: readonly BenchEvent[];
}

export interface AppendVariant {
  readonly name: string;
  setup(): Promise<void>;
  append(command: AppendCommand): Promise<void>;
  close(): Promise<void>;
}

/** Same pool size for our store and the raw baseline as `pg`'s default, which Emmett's pool uses. */
const POOL_MAX = 10;

/** (i) the event store under test: one prepared append statement per command, version checked in the same statement. */
export function oursVariant(url: string): AppendVariant & { readonly store: PostgresEventStore; readonly pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours',
    store,
    pool,
    setup: () => store.migrate(),
    async append(c) {
      await store.append(
        c.streamId,
        c.events.map((e) => ({ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata, schemaVersion: 1 })),
        { expectedVersion: c.expectedVersion === 0 ? 'no_stream' : c.expectedVersion },
      );
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

export const RAW_TABLE = 'bench_raw_events';

/**
 * (ii) the floor: the same rows INSERTed into a plain table with es_events' columns, defaults and indexes, one
 * statement per command (multi-row VALUES for batches), autocommit. No stream table, no version check beyond the
 * primary key, no idempotency probe.
 */
export function rawVariant(url: string): AppendVariant {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  const statements = new Map<number, string>();
  const statement = (n: number) => {
    let sql = statements.get(n);
    if (!sql) {
      const rows = Array.from({ length: n }, (_, i) => `($${i * 7 + 1}, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7})`);
      sql = `INSERT INTO ${RAW_TABLE} (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES ${rows.join(', ')}`;
      statements.set(n, sql);
    }
    return sql;
  };
  return {
    name: 'raw pg INSERT',
    async setup() {
      await pool.query(`
        CREATE TABLE IF NOT EXISTS ${RAW_TABLE} (
          global_position  bigserial NOT NULL,
          transaction_id   xid8 NOT NULL DEFAULT pg_current_xact_id(),
          stream_id        text NOT NULL,
          stream_position  bigint NOT NULL,
          event_id         uuid NOT NULL,
          type             text NOT NULL,
          schema_version   integer NOT NULL,
          data             jsonb NOT NULL,
          metadata         jsonb NOT NULL,
          recorded_at      timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (stream_id, stream_position)
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ${RAW_TABLE}_event_id ON ${RAW_TABLE} (event_id);
        CREATE INDEX IF NOT EXISTS ${RAW_TABLE}_read_order ON ${RAW_TABLE} (transaction_id, global_position);`);
    },
    async append(c) {
      const params: unknown[] = [];
      c.events.forEach((e, i) => {
        params.push(c.streamId, c.expectedVersion + i + 1, e.eventId, e.type, 1, JSON.stringify(e.data), JSON.stringify(e.metadata));
      });
      await pool.query(statement(c.events.length), params);
    },
    close: () => pool.end(),
  };
}

/** (iii) Emmett's PostgreSQL event store, created the documented way from a connection string. */
export function emmettVariant(url: string): AppendVariant {
  let store: EmmettStore | null = null;
  return {
    name: 'Emmett',
    async setup() {
      store = getPostgreSQLEventStore(url);
      await store.schema.migrate();
    },
    async append(c) {
      await store!.appendToStream(
        c.streamId,
        // Emmett takes the message id from metadata.messageId when given (and strips it from the stored metadata)
        c.events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.eventId } })),
        { expectedStreamVersion: c.expectedVersion === 0 ? STREAM_DOES_NOT_EXIST : BigInt(c.expectedVersion) },
      );
    },
    async close() {
      await store?.close();
    },
  };
}
