/**
 * The PostgreSQL event store's own schema. Idempotent DDL, applied under an advisory lock by `migrate()`;
 * `es_schema` records the applied version so later versions can add steps.
 */
export const SCHEMA_VERSION = 2;

/**
 * The tamper-evident hash chain. Every event stores `hash` and `previous_hash` (the hash of the event before it in
 * its stream; 32 zero bytes for position 1):
 *
 *   hash = SHA-256( previous_hash || SHA-256( UTF-8( canonical ) ) )
 *   canonical = '[' stream_id ',' stream_position ',"' event_id '",' type ',' schema_version ',' data ',' metadata ',"' recorded_at '"]'
 *
 * - stream_id and type: JSON strings as PostgreSQL's to_json(text) writes them (escapes `"`, `\`, \b \f \n \r \t,
 *   other characters below U+0020 as \u00XX; everything else as is, in UTF-8);
 * - stream_position and schema_version: decimal integers; event_id: the lower-case hyphenated UUID;
 * - data and metadata: PostgreSQL's jsonb text form of what is stored: object keys ordered by byte length, then
 *   bytewise, no duplicate keys; `": "` after a key and `", "` between members and elements; numbers as stored
 *   (numeric: no exponent, the written scale kept, so 1.50 stays 1.50); strings escaped as above;
 * - recorded_at: UTC, microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 *
 * The canonical form is a valid JSON array. Hashing it first and chaining the 32-byte content hashes lets the
 * append hash a batch's contents set-based and run only the cheap chaining step in sequence. Hashes cover what is
 * stored (ciphertext, once personal data is encrypted), so erasing a key never breaks the chain. The function is computed in the database, in the append
 * statement itself (one round trip), on the server and on the embedded PGlite alike; verify and import use the same
 * function (through `eventHashSql`), and a test pins it to a known vector.
 *
 * `eventHashSql(previousHash, row)`: the SQL expression of the hash of the event in `row` (an alias with es_events' columns).
 */
export function eventHashSql(previousHash: string, row: string): string {
  return `es_event_hash(${previousHash}, ${row}.stream_id, ${row}.stream_position, ${row}.event_id, ${row}.type, ${row}.schema_version, ${row}.data, ${row}.metadata, ${row}.recorded_at)`;
}

/** previous_hash of every stream's first event: 32 zero bytes. */
export const GENESIS_HASH_SQL = `'\\x${'00'.repeat(32)}'::bytea`;

/**
 * One append, one statement, one round trip: read the stream's head (its last position and hash), insert only when
 * the version is what the writer expected, answer the positions. The events arrive as one JSON array, parsed once.
 * Each event's hash is computed here, in the same statement, chained from the head's hash through the batch in
 * stream order (see eventHashSql). Two writers racing for the same position collide on the primary key and a
 * retried append on the event id index; the adapter turns those unique violations into a version conflict or an
 * idempotent replay. Because a position is only ever inserted by a writer that read the position before it, the
 * chain is right under concurrent writers too.
 * $2: -1 any, -2 no_stream, -3 exists, n >= 0 exact version.
 */
export const APPEND_SQL = `
  WITH RECURSIVE head AS (
    SELECT stream_position, hash FROM es_events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1
  ), current AS (
    SELECT COALESCE((SELECT stream_position FROM head), 0) AS version,
           COALESCE((SELECT hash FROM head), ${GENESIS_HASH_SQL}) AS hash
  ), accepted AS (
    SELECT version, hash FROM current
    WHERE $2::bigint = -1 OR ($2 = -2 AND version = 0) OR ($2 = -3 AND version > 0) OR $2 = version
  ), batch AS (
    SELECT u.ord, a.version + u.ord AS stream_position, (u.e->>'id')::uuid AS event_id, u.e->>'type' AS type,
           (u.e->>'v')::integer AS schema_version, u.e->'data' AS data, u.e->'meta' AS metadata
    FROM accepted a, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS u(e, ord)
  ), contents AS (
    SELECT array_agg(es_event_content_hash($1, stream_position, event_id, type, schema_version, data, metadata, now()) ORDER BY ord) AS hashes
    FROM batch
  ), chain (ord, previous_hash, hash) AS (
    -- only 32-byte values go round the recursion: the contents were hashed above, set-based
    SELECT 1::bigint, a.hash, sha256(a.hash || c.hashes[1]) FROM accepted a, contents c WHERE c.hashes IS NOT NULL
    UNION ALL
    SELECT ch.ord + 1, ch.hash, sha256(ch.hash || c.hashes[ch.ord + 1]) FROM chain ch, contents c WHERE ch.ord < cardinality(c.hashes)
  ), inserted AS (
    INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
    SELECT $1, b.stream_position, b.event_id, b.type, b.schema_version, b.data, b.metadata, now(), ch.previous_hash, ch.hash
    FROM batch b JOIN chain ch ON ch.ord = b.ord ORDER BY b.ord
    RETURNING global_position, stream_position
  )
  SELECT (SELECT version FROM current)::int AS current_version,
         array_agg(global_position::text ORDER BY stream_position) AS positions,
         pg_current_xact_id()::text AS commit,
         now() AS recorded_at
  FROM inserted`;

/**
 * APPEND_SQL for the most common append, a single event: the same checks and hash in one flat INSERT, with the
 * event's fields as parameters of their own (each parsed once, when bound) and no batch to unpack or chain. It
 * answers APPEND_SQL's row when it inserts and no row when the version check refuses; the adapter then reads the
 * current version itself.
 * $3 event id, $4 type, $5 schema version, $6 data, $7 metadata (JSON text).
 */
export const APPEND_ONE_SQL = `
  INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT $1, h.version + 1, $3, $4, $5, $6, $7, now(), h.hash,
         es_event_hash(h.hash, $1, h.version + 1, $3, $4, $5, $6, $7, now())
  FROM (SELECT COALESCE(last.stream_position, 0) AS version, COALESCE(last.hash, ${GENESIS_HASH_SQL}) AS hash
        FROM (SELECT) AS one
        LEFT JOIN LATERAL (SELECT stream_position, hash FROM es_events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1) AS last ON true) AS h
  WHERE $2::bigint = -1 OR ($2 = -2 AND h.version = 0) OR ($2 = -3 AND h.version > 0) OR $2 = h.version
  RETURNING (stream_position - 1)::int AS current_version, ARRAY[global_position::text] AS positions,
            transaction_id::text AS commit, recorded_at`;

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
  2: /* sql */ `
    ALTER TABLE es_events ADD COLUMN IF NOT EXISTS previous_hash bytea, ADD COLUMN IF NOT EXISTS hash bytea;

    -- see eventHashSql; STABLE (not IMMUTABLE) so that PostgreSQL inlines them into the statements that call them
    CREATE OR REPLACE FUNCTION es_event_content_hash(stream_id text, stream_position bigint, event_id uuid,
        type text, schema_version integer, data jsonb, metadata jsonb, recorded_at timestamptz)
      RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE
      RETURN sha256(convert_to(concat('[', to_json(stream_id), ',', stream_position, ',"', event_id, '",',
        to_json(type), ',', schema_version, ',', data, ',', metadata, ',"',
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '"]'), 'UTF8'));
    CREATE OR REPLACE FUNCTION es_event_hash(previous_hash bytea, stream_id text, stream_position bigint, event_id uuid,
        type text, schema_version integer, data jsonb, metadata jsonb, recorded_at timestamptz)
      RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE
      RETURN sha256(previous_hash || es_event_content_hash(stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at));

    -- events written before hashing existed get their chain once, here, in stream order
    ALTER TABLE es_events DISABLE TRIGGER es_events_append_only;
    DO $$
    DECLARE
      e record;
      previous bytea;
      last_stream text := NULL;
    BEGIN
      FOR e IN SELECT * FROM es_events WHERE hash IS NULL ORDER BY stream_id, stream_position LOOP
        IF last_stream IS DISTINCT FROM e.stream_id THEN
          previous := ${GENESIS_HASH_SQL};
          last_stream := e.stream_id;
        END IF;
        UPDATE es_events SET previous_hash = previous,
            hash = es_event_hash(previous, e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at)
          WHERE stream_id = e.stream_id AND stream_position = e.stream_position
          RETURNING hash INTO previous;
      END LOOP;
    END $$;
    ALTER TABLE es_events ENABLE TRIGGER es_events_append_only;
    ALTER TABLE es_events ALTER COLUMN previous_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

    -- Digests of all stream heads, recorded now and then and on demand, to be kept outside the system as well.
    -- heads is the canonical text the digest is the SHA-256 of (see libs/integrity/domain/stream-heads.ts).
    CREATE TABLE IF NOT EXISTS es_digests (
      sequence          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recorded_at       timestamptz NOT NULL DEFAULT now(),
      recorded_by       text NOT NULL,
      commit_position   xid8 NOT NULL,
      prepare_position  bigint NOT NULL,
      stream_count      bigint NOT NULL,
      event_count       bigint NOT NULL,
      digest            bytea NOT NULL,
      heads             text NOT NULL
    );
    DROP TRIGGER IF EXISTS es_digests_append_only ON es_digests;
    CREATE TRIGGER es_digests_append_only BEFORE UPDATE OR DELETE ON es_digests
      FOR EACH ROW EXECUTE FUNCTION es_refuse_change();
    DROP TRIGGER IF EXISTS es_digests_no_truncate ON es_digests;
    CREATE TRIGGER es_digests_no_truncate BEFORE TRUNCATE ON es_digests
      FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_change();
  `,
};
