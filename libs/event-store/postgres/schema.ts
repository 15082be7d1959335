/**
 * The PostgreSQL event store's own schema. Idempotent DDL, applied under an advisory lock by `migrate()`;
 * `es_schema` records the applied version so later versions can add steps.
 */
export const SCHEMA_VERSION = 1;

/**
 * One append, one statement, one round trip: read the stream's version (an index-only look at its last position),
 * insert only when it is what the writer expected, answer the positions. The events arrive as one JSON array, parsed
 * once. Two writers racing for the same position collide on the primary key and a retried append on the event id
 * index; the adapter turns those unique violations into a version conflict or an idempotent replay.
 * $2: -1 any, -2 no_stream, -3 exists, n >= 0 exact version.
 */
export const APPEND_SQL = `
  WITH current AS (
    SELECT COALESCE(max(stream_position), 0) AS version FROM es_events WHERE stream_id = $1
  ), accepted AS (
    SELECT version FROM current
    WHERE $2::bigint = -1 OR ($2 = -2 AND version = 0) OR ($2 = -3 AND version > 0) OR $2 = version
  ), inserted AS (
    INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
    SELECT $1, a.version + u.ord, (u.e->>'id')::uuid, u.e->>'type', (u.e->>'v')::integer, u.e->'data', u.e->'meta'
    FROM accepted a, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS u(e, ord)
    RETURNING global_position, stream_position
  )
  SELECT (SELECT version FROM current)::int AS current_version,
         array_agg(global_position::text ORDER BY stream_position) AS positions,
         pg_current_xact_id()::text AS commit,
         now() AS recorded_at
  FROM inserted`;

export const SCHEMA_LOCK_KEY = 7_210_443_001;

export const SCHEMA_STEPS: Record<number, string> = {
  1: /* sql */ `
    CREATE TABLE IF NOT EXISTS es_events (
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
    CREATE UNIQUE INDEX IF NOT EXISTS es_events_event_id ON es_events (event_id);
    -- the global read order: readers never pass a transaction that might still commit
    CREATE INDEX IF NOT EXISTS es_events_read_order ON es_events (transaction_id, global_position);

    -- The log is append-only: rows can be inserted, never changed or removed.
    CREATE OR REPLACE FUNCTION es_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'es_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
    END $$;
    DROP TRIGGER IF EXISTS es_events_append_only ON es_events;
    CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
      FOR EACH ROW EXECUTE FUNCTION es_refuse_change();
    DROP TRIGGER IF EXISTS es_events_no_truncate ON es_events;
    CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
      FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_change();

  `,
};
