/**
 * The PostgreSQL event store's own schema. Idempotent DDL, applied under an advisory lock by `migrate()`;
 * `es_schema` records the applied version so later versions can add steps.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_LOCK_KEY = 7_210_443_001;

export const SCHEMA_STEPS: Record<number, string> = {
  1: /* sql */ `
    CREATE TABLE IF NOT EXISTS es_streams (
      stream_id   text PRIMARY KEY,
      version     bigint NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      metadata    jsonb NOT NULL DEFAULT '{}'::jsonb
    );

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

    -- One round trip per append: idempotency probe, expected-version check under the stream's row lock, insert.
    -- p_expected: -1 any, -2 no_stream, -3 exists, n >= 0 exact version.
    CREATE OR REPLACE FUNCTION es_append(
      p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_versions integer[],
      p_data jsonb[], p_metadata jsonb[]
    ) RETURNS TABLE (outcome text, version bigint, last_global bigint, last_commit text, positions bigint[], recorded_at timestamptz)
    LANGUAGE plpgsql AS $$
    DECLARE
      v_n integer := cardinality(p_ids);
      v_current bigint;
      v_prior record;
    BEGIN
      SELECT e.stream_id, e.stream_position INTO v_prior FROM es_events e WHERE e.event_id = p_ids[1];
      IF FOUND THEN
        RETURN QUERY
          SELECT CASE WHEN count(*) = v_n AND bool_and(e.stream_id = p_stream) THEN 'duplicate' ELSE 'idempotency' END,
                 max(e.stream_position), max(e.global_position), max(e.transaction_id::text::numeric)::text,
                 array_agg(e.global_position ORDER BY e.stream_position), max(e.recorded_at)
          FROM es_events e WHERE e.event_id = ANY (p_ids);
        RETURN;
      END IF;

      SELECT s.version INTO v_current FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
      IF NOT FOUND THEN
        IF p_expected = -3 OR p_expected > 0 THEN
          RETURN QUERY SELECT 'conflict'::text, 0::bigint, NULL::bigint, NULL::text, NULL::bigint[], NULL::timestamptz;
          RETURN;
        END IF;
        v_current := 0;
        INSERT INTO es_streams AS s (stream_id, version) VALUES (p_stream, v_n) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          -- created by a concurrent writer since our look: only "any" may go on
          SELECT s.version INTO v_current FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
          IF p_expected <> -1 THEN
            RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::text, NULL::bigint[], NULL::timestamptz;
            RETURN;
          END IF;
          UPDATE es_streams SET version = v_current + v_n WHERE stream_id = p_stream;
        END IF;
      ELSE
        IF p_expected = -2 OR (p_expected >= 0 AND p_expected <> v_current) THEN
          RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::text, NULL::bigint[], NULL::timestamptz;
          RETURN;
        END IF;
        UPDATE es_streams SET version = v_current + v_n WHERE stream_id = p_stream;
      END IF;

      RETURN QUERY
        WITH inserted AS (
          INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
          SELECT p_stream, v_current + u.ord, u.id, u.type, u.ver, u.data, u.meta
          FROM unnest(p_ids, p_types, p_versions, p_data, p_metadata) WITH ORDINALITY AS u(id, type, ver, data, meta, ord)
          RETURNING global_position, stream_position
        )
        SELECT 'ok'::text, v_current + v_n, max(global_position), pg_current_xact_id()::text,
               array_agg(global_position ORDER BY stream_position), now() FROM inserted;
    END $$;
  `,
};
