/**
 * The PostgreSQL event store's own schema. Idempotent DDL, applied under an advisory lock by `migrate()`;
 * `es_schema` records the applied version so later versions can add steps.
 */
export const SCHEMA_VERSION = 1;

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

    -- One round trip per append: idempotency probe, expected-version check, insert. The events arrive as one JSON
    -- array (parsed once, no array-literal escaping). Two writers racing for the same position collide on the
    -- primary key: the loser gets a unique violation, which the adapter reports as a version conflict.
    -- p_expected: -1 any, -2 no_stream, -3 exists, n >= 0 exact version.
    CREATE OR REPLACE FUNCTION es_append(p_stream text, p_expected bigint, p_events jsonb)
    RETURNS TABLE (outcome text, version bigint, last_global bigint, last_commit text, positions bigint[], recorded_at timestamptz)
    LANGUAGE plpgsql AS $$
    DECLARE
      v_n integer := jsonb_array_length(p_events);
      v_current bigint;
    BEGIN
      IF EXISTS (SELECT 1 FROM es_events e WHERE e.event_id = (p_events->0->>'id')::uuid) THEN
        RETURN QUERY
          SELECT CASE WHEN count(*) = v_n AND bool_and(e.stream_id = p_stream) THEN 'duplicate' ELSE 'idempotency' END,
                 max(e.stream_position), max(e.global_position), max(e.transaction_id::text::numeric)::text,
                 array_agg(e.global_position ORDER BY e.stream_position), max(e.recorded_at)
          FROM es_events e
          WHERE e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) AS x);
        RETURN;
      END IF;

      SELECT COALESCE(max(e.stream_position), 0) INTO v_current FROM es_events e WHERE e.stream_id = p_stream;
      IF (p_expected = -2 AND v_current <> 0) OR (p_expected = -3 AND v_current = 0)
         OR (p_expected >= 0 AND p_expected <> v_current) THEN
        RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::text, NULL::bigint[], NULL::timestamptz;
        RETURN;
      END IF;

      RETURN QUERY
        WITH inserted AS (
          INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
          SELECT p_stream, v_current + u.ord, (u.e->>'id')::uuid, u.e->>'type', (u.e->>'v')::integer, u.e->'data', u.e->'meta'
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS u(e, ord)
          RETURNING global_position, stream_position
        )
        SELECT 'ok'::text, v_current + v_n, max(global_position), pg_current_xact_id()::text,
               array_agg(global_position ORDER BY stream_position), now() FROM inserted;
    END $$;
  `,
};
