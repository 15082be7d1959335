import { once } from 'node:events';
import type pg from 'pg';
import { LOG_START, compareLogPositions } from '../port/index.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { RECORDED_AT_TEXT, TransferAbortedError, type TransferOptions } from './transfer-options.js';

export interface ExportFilter {
  /** Events recorded at or after this time. */
  readonly from?: Date;
  /** Events recorded before this time. */
  readonly to?: Date;
  /** Only these streams. */
  readonly streams?: string[];
  /** Only streams whose id starts with this. */
  readonly streamPrefix?: string;
}

export interface ExportProgress {
  readonly exported: number;
}

/**
 * One exported event, one NDJSON line. data and metadata are exactly what is stored (PostgreSQL writes the line, so
 * numbers keep their stored form); recordedAt has microseconds; globalPosition is the source's and informative only.
 */
export interface ExportedEvent {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recordedAt: string;
  readonly globalPosition: string;
  readonly previousHash: string;
  readonly hash: string;
}

const LINE = `json_build_object(
  'streamId', stream_id, 'streamPosition', stream_position, 'eventId', event_id, 'type', type,
  'schemaVersion', schema_version, 'data', data, 'metadata', metadata, 'recordedAt', ${RECORDED_AT_TEXT},
  'globalPosition', global_position::text, 'previousHash', encode(previous_hash, 'hex'), 'hash', encode(hash, 'hex'))::text`;

function checkFilter(filter: ExportFilter): void {
  for (const key of ['from', 'to'] as const) {
    const d = filter[key];
    if (d !== undefined && !(d instanceof Date && Number.isFinite(d.getTime()))) throw new TypeError(`export filter: ${key} must be a valid Date`);
  }
  if (filter.streams !== undefined && (!Array.isArray(filter.streams) || filter.streams.some((s) => typeof s !== 'string'))) {
    throw new TypeError('export filter: streams must be an array of stream ids');
  }
}

async function write(sink: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}

/**
 * Streams the log as NDJSON, one event per line, in the global read order, up to the position that was the head
 * when the export started (a consistent cut: later appends are left for the next export). Filters combine with
 * AND. Writes respect the sink's back-pressure; the sink is not ended. An export of whole streams can be imported
 * into another database with identical hashes (importLog); a time-filtered one is for reading.
 */
export async function exportLog(
  pool: pg.Pool,
  filter: ExportFilter,
  sink: NodeJS.WritableStream,
  options: TransferOptions<ExportProgress> = {},
): Promise<ExportProgress> {
  checkFilter(filter);
  const batchSize = options.batchSize ?? 1000;
  const head = await new PostgresEventStore(pool).headPosition();
  let after = LOG_START;
  let exported = 0;
  while (compareLogPositions(after, head) < 0) {
    if (options.signal?.aborted) throw new TransferAbortedError<ExportProgress>({ exported });
    const { rows } = await pool.query<{ tx: string; gp: string; line: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS gp, ${LINE} AS line
       FROM es_events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND (transaction_id, global_position) <= ($3::text::xid8, $4::bigint)
         AND ($5::timestamptz IS NULL OR recorded_at >= $5)
         AND ($6::timestamptz IS NULL OR recorded_at < $6)
         AND ($7::text[] IS NULL OR stream_id = ANY ($7))
         AND ($8::text IS NULL OR starts_with(stream_id, $8))
       ORDER BY transaction_id, global_position
       LIMIT $9`,
      [
        after.commit.toString(),
        after.prepare.toString(),
        head.commit.toString(),
        head.prepare.toString(),
        filter.from ?? null,
        filter.to ?? null,
        filter.streams ?? null,
        filter.streamPrefix ?? null,
        batchSize,
      ],
    );
    if (rows.length === 0) break;
    await write(sink, rows.map((r) => `${r.line}\n`).join(''));
    exported += rows.length;
    const last = rows[rows.length - 1];
    after = { commit: BigInt(last.tx), prepare: BigInt(last.gp) };
    options.onProgress?.({ exported });
  }
  return { exported };
}
