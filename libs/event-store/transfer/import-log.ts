import { createInterface } from 'node:readline';
import type pg from 'pg';
import { GENESIS_HASH_SQL, eventHashSql } from '../postgres/schema.js';
import { TransferAbortedError, type TransferOptions } from './transfer-options.js';

export interface ImportResult {
  readonly imported: number;
  /** Events whose id the log already held, at the same stream, version and hash. */
  readonly skipped: number;
}

/** A line the import refuses; its batch was rolled back, the batches before it stay committed. */
export class ImportRejectedError extends Error {
  constructor(
    /** 1-based line of the source; null when the database could only name the batch. */
    readonly line: number | null,
    readonly reason: string,
    readonly progress: ImportResult,
  ) {
    super(line === null ? `import refused: ${reason}` : `import refused at line ${line}: ${reason}`);
    this.name = 'ImportRejectedError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;
const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** schema_version is a PostgreSQL integer. */
const MAX_SCHEMA_VERSION = 2_147_483_647;

/** The shape, and a real instant: 30 February or 24:61 would otherwise reach the database as a raw cast error. */
function isRecordedAt(text: unknown): boolean {
  if (typeof text !== 'string' || !RECORDED_AT.test(text)) return false;
  const millis = Date.parse(`${text.slice(0, 23)}Z`);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 23) === text.slice(0, 23);
}

/** Why a parsed line is not an exported event, or null when it is one. */
function problemOf(e: Record<string, unknown>): string | null {
  if (typeof e.streamId !== 'string' || e.streamId === '') return 'streamId must be a non-empty string';
  if (!Number.isSafeInteger(e.streamPosition) || (e.streamPosition as number) < 1) return 'streamPosition must be a whole number from 1';
  if (typeof e.eventId !== 'string' || !UUID.test(e.eventId)) return 'eventId must be a lower-case UUID';
  if (typeof e.type !== 'string' || e.type === '') return 'type must be a non-empty string';
  if (!Number.isSafeInteger(e.schemaVersion) || (e.schemaVersion as number) < 1 || (e.schemaVersion as number) > MAX_SCHEMA_VERSION) {
    return `schemaVersion must be a whole number from 1 to ${MAX_SCHEMA_VERSION}`;
  }
  if (!('data' in e) || e.data === undefined) return 'data is missing';
  if (typeof e.metadata !== 'object' || e.metadata === null || Array.isArray(e.metadata)) return 'metadata must be an object';
  if (!isRecordedAt(e.recordedAt)) return 'recordedAt must be UTC with microseconds (YYYY-MM-DDTHH:MM:SS.ffffffZ)';
  if (typeof e.previousHash !== 'string' || !HASH.test(e.previousHash)) return 'previousHash must be 64 lower-case hex digits';
  if (typeof e.hash !== 'string' || !HASH.test(e.hash)) return 'hash must be 64 lower-case hex digits';
  return null;
}

/**
 * One batch, one statement: insert the events the log does not hold yet, each hash recomputed by the database from
 * the imported content; then name every line that does not fit. The lines' raw text goes to PostgreSQL, so data
 * and metadata arrive byte for byte as exported (JavaScript never re-serialises a number).
 */
const IMPORT_SQL = `
  WITH incoming AS (
    SELECT u.ord::int AS ord, u.e->>'streamId' AS stream_id, (u.e->>'streamPosition')::bigint AS stream_position,
           (u.e->>'eventId')::uuid AS event_id, u.e->>'type' AS type, (u.e->>'schemaVersion')::integer AS schema_version,
           u.e->'data' AS data, u.e->'metadata' AS metadata, (u.e->>'recordedAt')::timestamptz AS recorded_at,
           decode(u.e->>'previousHash', 'hex') AS previous_hash, decode(u.e->>'hash', 'hex') AS hash
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(e, ord)
  ), inserted AS (
    INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
    SELECT i.stream_id, i.stream_position, i.event_id, i.type, i.schema_version, i.data, i.metadata, i.recorded_at, i.previous_hash,
           ${eventHashSql('i.previous_hash', 'i')}
    FROM incoming i ORDER BY i.ord
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id, stream_id, stream_position, previous_hash, hash
  ), problems AS (
    SELECT i.ord, 'the log holds event ' || i.event_id || ' as version ' || e.stream_position || ' of stream ' || e.stream_id
                  || CASE WHEN e.hash = i.hash THEN '' ELSE ' with another hash' END AS reason
    FROM incoming i JOIN es_events e ON e.event_id = i.event_id
    WHERE e.stream_id <> i.stream_id OR e.stream_position <> i.stream_position OR e.hash <> i.hash
    UNION ALL
    SELECT i.ord, 'hash does not match the event''s content: the line was changed after export'
    FROM inserted n JOIN incoming i ON i.event_id = n.event_id
    WHERE n.hash <> i.hash
    UNION ALL
    SELECT i.ord, 'version ' || n.stream_position || ' of stream ' || n.stream_id || ' does not follow on from '
                  || CASE WHEN n.stream_position = 1 THEN 'the start of a stream' ELSE 'version ' || (n.stream_position - 1) || ' in the log' END
                  || ': import whole streams, in the exported order'
    FROM inserted n JOIN incoming i ON i.event_id = n.event_id
    WHERE n.previous_hash IS DISTINCT FROM CASE WHEN n.stream_position = 1 THEN ${GENESIS_HASH_SQL} ELSE COALESCE(
      (SELECT e.hash FROM es_events e WHERE e.stream_id = n.stream_id AND e.stream_position = n.stream_position - 1),
      (SELECT p.hash FROM incoming p WHERE p.stream_id = n.stream_id AND p.stream_position = n.stream_position - 1)) END
  )
  SELECT (SELECT count(*) FROM inserted)::int AS imported,
         (SELECT jsonb_agg(jsonb_build_object('ord', ord, 'reason', reason) ORDER BY ord) FROM problems) AS problems`;

interface Batch {
  readonly lines: string[];
  readonly lineNumbers: number[];
  readonly eventIds: Set<string>;
}

const newBatch = (): Batch => ({ lines: [], lineNumbers: [], eventIds: new Set() });

/**
 * Reads NDJSON as exportLog writes it and appends the events with their stream ids, versions, event ids and
 * recorded times, each batch in one transaction. Idempotent by event id: an event the log already holds (at the
 * same place, with the same hash) is skipped. Every hash is recomputed, so a changed line, a stream that does not
 * follow on from what the log holds, or a reused event id refuses the batch (ImportRejectedError, naming the line).
 * Into an empty database the result is the same log: same events, hashes and order (new global positions).
 */
export async function importLog(pool: pg.Pool, source: NodeJS.ReadableStream, options: TransferOptions<ImportResult> = {}): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 500;
  let imported = 0;
  let skipped = 0;
  const progress = (): ImportResult => ({ imported, skipped });

  const flush = async (batch: Batch) => {
    if (batch.lines.length === 0) return;
    if (options.signal?.aborted) throw new TransferAbortedError<ImportResult>(progress());
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      let row: { imported: number; problems: { ord: number; reason: string }[] | null };
      try {
        ({ rows: [row] } = await client.query(IMPORT_SQL, [`[${batch.lines.join(',')}]`]));
      } catch (err) {
        await client.query('ROLLBACK');
        const e = err as { code?: string; constraint?: string; detail?: string };
        if (e.code === '23505' && e.constraint === 'es_events_pkey') {
          const span = `lines ${batch.lineNumbers[0]} to ${batch.lineNumbers[batch.lineNumbers.length - 1]}`;
          throw new ImportRejectedError(null, `an event of ${span} takes a stream version the log holds with another event (${e.detail ?? ''})`, progress());
        }
        throw err;
      }
      if (row.problems?.length) {
        await client.query('ROLLBACK');
        const first = row.problems[0];
        throw new ImportRejectedError(batch.lineNumbers[first.ord - 1], first.reason, progress());
      }
      await client.query('COMMIT');
      imported += row.imported;
      skipped += batch.lines.length - row.imported;
    } finally {
      client.release();
    }
    options.onProgress?.(progress());
  };

  let batch = newBatch();
  let lineNumber = 0;
  for await (const raw of createInterface({ input: source, crlfDelay: Infinity })) {
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new ImportRejectedError(lineNumber, 'not JSON', progress());
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ImportRejectedError(lineNumber, 'not a JSON object', progress());
    const problem = problemOf(parsed as Record<string, unknown>);
    if (problem) throw new ImportRejectedError(lineNumber, problem, progress());
    const eventId = (parsed as { eventId: string }).eventId;
    if (batch.eventIds.has(eventId)) throw new ImportRejectedError(lineNumber, `event ${eventId} appears twice`, progress());
    batch.lines.push(line);
    batch.lineNumbers.push(lineNumber);
    batch.eventIds.add(eventId);
    if (batch.lines.length >= batchSize) {
      await flush(batch);
      batch = newBatch();
    }
  }
  await flush(batch);
  return progress();
}
