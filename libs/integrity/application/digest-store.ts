import type pg from 'pg';
import { LOG_START, PostgresEventStore, compareLogPositions, formatLogPosition, type LogPosition } from '../../event-store/index.js';
import { digestDocument, type DigestDocument, type DigestSummary } from '../domain/digest.js';
import type { StreamHead } from '../domain/stream-heads.js';

/** Serialises digest recorders (the scheduler of every replica and on-demand requests). */
const DIGEST_LOCK_KEY = 7_210_443_002;

interface DigestRow {
  sequence: string;
  recorded_at: Date;
  recorded_by: string;
  commit_position: string;
  prepare_position: string;
  stream_count: string;
  event_count: string;
  digest: string;
  heads?: string;
}

const SUMMARY_COLUMNS = `sequence::text, recorded_at, recorded_by, commit_position::text, prepare_position::text,
  stream_count::text, event_count::text, encode(digest, 'hex') AS digest`;

function toSummary(r: DigestRow): DigestSummary {
  return {
    sequence: Number(r.sequence),
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by,
    position: formatLogPosition({ commit: BigInt(r.commit_position), prepare: BigInt(r.prepare_position) }),
    streams: Number(r.stream_count),
    events: Number(r.event_count),
    digest: r.digest,
  };
}

function toDocument(r: DigestRow): DigestDocument {
  return { ...toSummary(r), algorithm: 'SHA-256', canonicalHeads: r.heads! };
}

export interface RecordedDigest {
  readonly digest: DigestDocument;
  /** False when the log had not moved since the latest digest, which is answered instead. */
  readonly created: boolean;
}

/**
 * The digests of all stream heads in `es_digests` (append-only, like the log). A digest covers every event up to a
 * log position that no running transaction can still write before, so it is exact: the same heads whoever
 * recomputes them.
 */
export class DigestStore {
  constructor(private readonly pool: pg.Pool) {}

  async record(recordedBy: string): Promise<RecordedDigest> {
    // read before the transaction: on the embedded database a query on another connection would wait for it
    const head = await new PostgresEventStore(this.pool).headPosition();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [DIGEST_LOCK_KEY]);
        const latest = await this.latestOn(client);
        if (latest && compareLogPositions(positionOf(latest), head) >= 0) {
          await client.query('COMMIT');
          return { digest: latest, created: false };
        }
        const heads = await headsUpTo(client, head);
        const draft = digestDocument({ sequence: 0, recordedAt: '', recordedBy, position: formatLogPosition(head) }, heads);
        const { rows } = await client.query<DigestRow>(
          `INSERT INTO es_digests (recorded_by, commit_position, prepare_position, stream_count, event_count, digest, heads)
           VALUES ($1, $2::text::xid8, $3, $4, $5, decode($6, 'hex'), $7)
           RETURNING ${SUMMARY_COLUMNS}, heads`,
          [recordedBy, head.commit.toString(), head.prepare.toString(), draft.streams, draft.events, draft.digest, draft.canonicalHeads],
        );
        await client.query('COMMIT');
        return { digest: toDocument(rows[0]), created: true };
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    } finally {
      client.release();
    }
  }

  async latest(): Promise<DigestDocument | null> {
    return this.latestOn(this.pool);
  }

  async find(sequence: number): Promise<DigestDocument | null> {
    const { rows } = await this.pool.query<DigestRow>(`SELECT ${SUMMARY_COLUMNS}, heads FROM es_digests WHERE sequence = $1`, [sequence]);
    return rows.length ? toDocument(rows[0]) : null;
  }

  /** Newest first; `before` is the sequence of the last digest of the previous page. */
  async list(limit: number, before: number | null): Promise<{ items: DigestSummary[]; nextBefore: number | null }> {
    const { rows } = await this.pool.query<DigestRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM es_digests WHERE ($1::bigint IS NULL OR sequence < $1) ORDER BY sequence DESC LIMIT $2`,
      [before, limit + 1],
    );
    const items = rows.slice(0, limit).map(toSummary);
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].sequence : null };
  }

  private async latestOn(db: pg.Pool | pg.PoolClient): Promise<DigestDocument | null> {
    const { rows } = await db.query<DigestRow>(`SELECT ${SUMMARY_COLUMNS}, heads FROM es_digests ORDER BY sequence DESC LIMIT 1`);
    return rows.length ? toDocument(rows[0]) : null;
  }
}

function positionOf(d: DigestSummary): LogPosition {
  const [commit, prepare] = d.position.split('.');
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

/** Every stream's last event at or before the position: its version and hash. */
async function headsUpTo(client: pg.PoolClient, position: LogPosition): Promise<StreamHead[]> {
  if (compareLogPositions(position, LOG_START) === 0) return [];
  const { rows } = await client.query<StreamHead>(
    `SELECT DISTINCT ON (stream_id) stream_id AS "streamId", stream_position::int AS version, encode(hash, 'hex') AS hash
     FROM es_events WHERE (transaction_id, global_position) <= ($1::text::xid8, $2::bigint)
     ORDER BY stream_id, stream_position DESC`,
    [position.commit.toString(), position.prepare.toString()],
  );
  return rows;
}
