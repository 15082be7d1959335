import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { EVENT_ROW_COLUMNS, UpcasterRegistry, eventRowPosition, toRecordedEvent, type EventRow, type LogPosition } from '../../event-store/index.js';
import { FundingPoolSummaryProjection } from '../../funding/read-models/funding-pool-summary.projection.js';
import { PortfolioProjectsProjection } from '../../governance/decisions/read-models/portfolio-projects.projection.js';
import { MeetingsProjection } from '../../governance/meetings/read-models/meetings.projection.js';
import { PG_POOL } from '../../platform/index.js';
import { EVENT_ORGANISATION_SQL } from '../../audit/application/event-organisation.js';
import { emptyPortfolioHistory, foldPortfolioHistory, PORTFOLIO_HISTORY_EVENT_TYPES, type PortfolioHistoryState } from './portfolio-history.state.js';
import type { LogPoint } from './log-point.resolver.js';

/** How many of an organisation's folded events lie between two snapshots (at most this many are replayed). */
export const PORTFOLIO_SNAPSHOT_INTERVAL = Symbol('PORTFOLIO_SNAPSHOT_INTERVAL');
const DEFAULT_INTERVAL = 2_000;
const BATCH = 5_000;

/**
 * Snapshots are only valid for the fold that made them: its own version and those of the live projections whose
 * fold it reuses (they bump theirs whenever their fold changes). A changed fold simply starts a new series.
 */
export const PORTFOLIO_FOLD_VERSION = [
  1,
  new PortfolioProjectsProjection().version,
  new MeetingsProjection().version,
  new FundingPoolSummaryProjection().version,
].join('.');

/** A pool or one of its clients: the snapshot keeper runs a whole round on the connection that holds its lock. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

type StoredRow = EventRow & { recorded_at: Date };

/** Events are folded as stored. The application's store registers no upcasters; one it registered would belong here too. */
const AS_STORED = new UpcasterRegistry();

interface SnapshotRow {
  events_folded: string;
  position_commit: string;
  position_prepare: string;
  /** Absent when read without it. */
  state?: PortfolioHistoryState;
}

interface Snapshot {
  readonly eventsFolded: number;
  readonly position: LogPosition;
  readonly state: string;
}

/**
 * An organisation's portfolio history state at any point of the log: the nearest snapshot at or before the point,
 * then only the organisation's events after it (on the `es_events_audit_organisation` index). Snapshots are cut after
 * every `interval`-th folded event of the organisation, counted from the start of the log, so each is a function of
 * the log alone: any instance, at any time, cuts the same snapshot at the same place (and `ON CONFLICT DO NOTHING`
 * keeps the first). They are derived data: deleting them changes no answer, only its speed. The snapshot keeper
 * cuts them ahead of reads (`cutUpTo`); a read that folds past a missing one cuts it too.
 */
@Injectable()
export class PortfolioHistory {
  readonly interval: number;
  private readonly logger = new Logger('PortfolioHistory');
  private readonly saving = new Set<Promise<void>>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(PORTFOLIO_SNAPSHOT_INTERVAL) interval?: number,
  ) {
    this.interval = interval ?? DEFAULT_INTERVAL;
  }

  async stateAt(organisationId: string, point: LogPoint): Promise<PortfolioHistoryState> {
    const cut: Snapshot[] = [];
    const state = await this.fold(this.pool, organisationId, point.position, (snapshot) => cut.push(snapshot));
    // the answer does not wait for the cache: a snapshot not saved now is cut again by a later read
    if (cut.length) {
      const saving = this.save(this.pool, organisationId, cut).catch((error: unknown) =>
        this.logger.warn({ msg: 'portfolio snapshot not saved', organisationId, error: String(error) }),
      );
      this.saving.add(saving);
      void saving.finally(() => this.saving.delete(saving));
    }
    return state;
  }

  /**
   * Cuts and saves the organisation's snapshots due at or before `upTo`, if a whole interval of its events lies after
   * its latest one (counting them is cheap; folding means loading that snapshot). Returns how many it saved.
   */
  async cutUpTo(db: Queryable, organisationId: string, upTo: LogPosition): Promise<number> {
    const latest = await this.nearestSnapshot(db, organisationId, upTo, false);
    const { rows } = await db.query<{ after: string }>(
      `SELECT count(*)::text AS after FROM (
         SELECT 1 FROM es_events
          WHERE ${EVENT_ORGANISATION_SQL} = $1
            AND (transaction_id, global_position) > ($2::text::xid8, $3::bigint)
            AND (transaction_id, global_position) <= ($4::text::xid8, $5::bigint)
            AND type = ANY ($6::text[])
          LIMIT $7) due`,
      [organisationId, latest?.position_commit ?? '0', latest?.position_prepare ?? '0', upTo.commit.toString(), upTo.prepare.toString(), PORTFOLIO_HISTORY_EVENT_TYPES, this.interval],
    );
    if (Number(rows[0].after) < this.interval) return 0;
    let saved = 0;
    await this.fold(db, organisationId, upTo, async (snapshot) => {
      await this.save(db, organisationId, [snapshot]);
      saved++;
    });
    return saved;
  }

  /** Resolves once every snapshot cut so far is saved (or failed to save). */
  async whenSaved(): Promise<void> {
    await Promise.all([...this.saving]);
  }

  /** The state at `upTo`, from the nearest snapshot; `onCut` receives every snapshot due on the way. */
  private async fold(db: Queryable, organisationId: string, upTo: LogPosition, onCut: (snapshot: Snapshot) => unknown): Promise<PortfolioHistoryState> {
    const base = await this.nearestSnapshot(db, organisationId, upTo);
    const state = base?.state ?? emptyPortfolioHistory();
    let folded = base ? Number(base.events_folded) : 0;
    let after = base ? { commit: base.position_commit, prepare: base.position_prepare } : { commit: '0', prepare: '0' };
    for (;;) {
      const { rows } = await db.query<StoredRow>(
        `SELECT ${EVENT_ROW_COLUMNS}, recorded_at
           FROM es_events
          WHERE ${EVENT_ORGANISATION_SQL} = $1
            AND (transaction_id, global_position) > ($2::text::xid8, $3::bigint)
            AND (transaction_id, global_position) <= ($4::text::xid8, $5::bigint)
            AND type = ANY ($6::text[])
          ORDER BY transaction_id, global_position
          LIMIT ${BATCH}`,
        [organisationId, after.commit, after.prepare, upTo.commit.toString(), upTo.prepare.toString(), PORTFOLIO_HISTORY_EVENT_TYPES],
      );
      for (const row of rows) {
        foldPortfolioHistory(state, toRecordedEvent(row, AS_STORED));
        folded++;
        if (folded % this.interval === 0) await onCut({ eventsFolded: folded, position: eventRowPosition(row), state: JSON.stringify(state) });
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1];
      after = { commit: last.tx, prepare: last.gp };
    }
    return state;
  }

  /** The nearest snapshot at or before `position`; its state (hundreds of kB) only when `withState`. */
  private async nearestSnapshot(db: Queryable, organisationId: string, position: LogPosition, withState = true): Promise<SnapshotRow | undefined> {
    const { rows } = await db.query<SnapshotRow>(
      `SELECT events_folded::text, position_commit::text, position_prepare::text${withState ? ', state' : ''}
         FROM time_travel_portfolio_snapshots
        WHERE organisation_id = $1 AND fold_version = $2 AND (position_commit, position_prepare) <= ($3::bigint, $4::bigint)
        ORDER BY position_commit DESC, position_prepare DESC LIMIT 1`,
      [organisationId, PORTFOLIO_FOLD_VERSION, position.commit.toString(), position.prepare.toString()],
    );
    return rows[0];
  }

  private async save(db: Queryable, organisationId: string, snapshots: readonly Snapshot[]): Promise<void> {
    for (const s of snapshots) {
      await db.query(
        `INSERT INTO time_travel_portfolio_snapshots (organisation_id, fold_version, events_folded, position_commit, position_prepare, state)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING`,
        [organisationId, PORTFOLIO_FOLD_VERSION, s.eventsFolded, s.position.commit.toString(), s.position.prepare.toString(), s.state],
      );
    }
  }
}
