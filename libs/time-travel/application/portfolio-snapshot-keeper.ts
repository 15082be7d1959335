import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { EVENT_ORGANISATION_SQL } from '../../audit/application/event-organisation.js';
import { compareLogPositions, EVENT_STORE, type EventStore, type LogPosition } from '../../event-store/index.js';
import { ConfigError, PG_POOL } from '../../platform/index.js';
import { PORTFOLIO_FOLD_VERSION, PortfolioHistory, type Queryable } from './portfolio-history.js';
import { PORTFOLIO_HISTORY_EVENT_TYPES } from './portfolio-history.state.js';

export interface SnapshotKeeperConfig {
  /** How often the keeper looks for new events; 0 turns it off (reads then cut snapshots as they fold past them). */
  readonly periodMs: number;
}

export const SNAPSHOT_KEEPER_CONFIG = Symbol('SNAPSHOT_KEEPER_CONFIG');

/** `TIME_TRAVEL_SNAPSHOT_KEEPER_MS`: default 2 s, 0 = off, at most an hour. */
export function loadSnapshotKeeperConfig(env: Readonly<Record<string, string | undefined>> = process.env): SnapshotKeeperConfig {
  const raw = env.TIME_TRAVEL_SNAPSHOT_KEEPER_MS?.trim();
  if (!raw) return { periodMs: 2_000 };
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n > 3_600_000) throw new ConfigError([`TIME_TRAVEL_SNAPSHOT_KEEPER_MS must be an integer from 0 to 3600000, got "${raw}"`]);
  return { periodMs: n };
}

/** The advisory lock one instance holds while it keeps snapshots: "TTS1", 1. */
export const SNAPSHOT_KEEPER_LOCK = [0x54545331, 1] as const;
/** Events of the log looked at per step: bounds each step's scan and how much one stopped round repeats. */
const SLICE = 100_000;

export interface KeeperRound {
  readonly snapshots: number;
  /** The log position up to which every organisation has the snapshots due. */
  readonly caughtUpTo: LogPosition;
}

/**
 * Cuts the organisations' portfolio snapshots ahead of reads, so that an as-of read replays at most one interval of
 * its organisation's events (plus what arrived since the last round) even when it is the first read of that
 * organisation. Walks the log from its checkpoint in slices; for each organisation with events in a slice, counts
 * its events after its latest snapshot and folds only when a snapshot is due. Snapshots are a function of the log,
 * so the keeper cuts exactly what a read would; one instance at a time runs it (an advisory lock, held on the one
 * connection the whole round uses, so it never takes more than one of the pool's connections), and if two did
 * overlap, `ON CONFLICT DO NOTHING` keeps the same snapshot. The checkpoint belongs to the fold version: a changed
 * fold starts a new series from the start of the log. Snapshots deleted behind its checkpoint come back when their
 * organisation is next written to (or a read folds past them).
 */
@Injectable()
export class PortfolioSnapshotKeeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PortfolioSnapshotKeeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly history: PortfolioHistory,
    @Optional() @Inject(SNAPSHOT_KEEPER_CONFIG) private readonly config: SnapshotKeeperConfig = loadSnapshotKeeperConfig(),
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.periodMs === 0) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.periodMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round up to the head; null when another instance holds the lock. */
  async round(): Promise<KeeperRound | null> {
    const client = await this.pool.connect();
    let healthy = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [...SNAPSHOT_KEEPER_LOCK]);
      if (!rows[0].locked) {
        healthy = true;
        return null;
      }
      const round = await this.catchUp(client);
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...SNAPSHOT_KEEPER_LOCK]);
      healthy = true;
      return round;
    } finally {
      // a round that failed may still hold the lock: closing its connection releases it
      client.release(!healthy);
    }
  }

  private tick(): void {
    if (this.running) return; // the previous round is still at work: skip, do not pile up
    this.running = this.round()
      .then((round) => {
        if (round?.snapshots) this.logger.debug({ msg: 'portfolio snapshots cut', snapshots: round.snapshots, upTo: `${round.caughtUpTo.commit}.${round.caughtUpTo.prepare}` });
      })
      .catch((error: unknown) => this.logger.warn({ msg: 'portfolio snapshots not kept', error: String(error) }))
      .finally(() => {
        this.running = null;
      });
  }

  private async catchUp(db: PoolClient): Promise<KeeperRound> {
    const head = await this.store.headPosition();
    let from = await this.checkpoint(db);
    let snapshots = 0;
    while (!this.stopping && compareLogPositions(from, head) < 0) {
      const to = await this.sliceEnd(db, from, head);
      for (const organisationId of await this.organisationsIn(db, from, to)) {
        if (this.stopping) return { snapshots, caughtUpTo: from };
        snapshots += await this.history.cutUpTo(db, organisationId, to);
      }
      await db.query(
        `INSERT INTO time_travel_snapshot_keeper (fold_version, position_commit, position_prepare) VALUES ($1, $2, $3)
         ON CONFLICT (fold_version) DO UPDATE SET position_commit = excluded.position_commit, position_prepare = excluded.position_prepare, updated_at = now()
          WHERE (time_travel_snapshot_keeper.position_commit, time_travel_snapshot_keeper.position_prepare) < (excluded.position_commit, excluded.position_prepare)`,
        [PORTFOLIO_FOLD_VERSION, to.commit.toString(), to.prepare.toString()],
      );
      from = to;
    }
    return { snapshots, caughtUpTo: from };
  }

  private async checkpoint(db: Queryable): Promise<LogPosition> {
    const { rows } = await db.query<{ commit: string; prepare: string }>(
      'SELECT position_commit::text AS commit, position_prepare::text AS prepare FROM time_travel_snapshot_keeper WHERE fold_version = $1',
      [PORTFOLIO_FOLD_VERSION],
    );
    return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : { commit: 0n, prepare: 0n };
  }

  /** The `SLICE`-th event after `from`, or the head if it comes first. */
  private async sliceEnd(db: Queryable, from: LogPosition, head: LogPosition): Promise<LogPosition> {
    const { rows } = await db.query<{ tx: string; gp: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND (transaction_id, global_position) <= ($3::text::xid8, $4::bigint)
        ORDER BY transaction_id, global_position OFFSET ${SLICE - 1} LIMIT 1`,
      [from.commit.toString(), from.prepare.toString(), head.commit.toString(), head.prepare.toString()],
    );
    return rows[0] ? { commit: BigInt(rows[0].tx), prepare: BigInt(rows[0].gp) } : head;
  }

  private async organisationsIn(db: Queryable, from: LogPosition, to: LogPosition): Promise<string[]> {
    const { rows } = await db.query<{ organisation_id: string }>(
      `SELECT DISTINCT ${EVENT_ORGANISATION_SQL} AS organisation_id FROM es_events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND (transaction_id, global_position) <= ($3::text::xid8, $4::bigint)
          AND type = ANY ($5::text[]) AND ${EVENT_ORGANISATION_SQL} IS NOT NULL`,
      [from.commit.toString(), from.prepare.toString(), to.commit.toString(), to.prepare.toString(), PORTFOLIO_HISTORY_EVENT_TYPES],
    );
    return rows.map((r) => r.organisation_id);
  }
}
