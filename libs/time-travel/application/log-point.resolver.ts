import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { compareLogPositions, EVENT_STORE, LOG_START, formatLogPosition, type EventStore, type LogPosition } from '../../event-store/index.js';
import { PG_POOL } from '../../platform/index.js';
import { InvalidAsOf, type AsOf } from '../domain/as-of.js';

/**
 * A resolved point in the log: every event at or before `position` in read order, and nothing after. `at` is the
 * moment the answer speaks for (what "upcoming" means in a forum's view): the time asked for, or the recording time
 * of the event a position names. `position` never passes the head a reader can safely see, so an answer as of it
 * can never change later (no transaction still running can add an event at or before it).
 */
export interface LogPoint {
  readonly position: LogPosition;
  readonly at: Date;
  /** `commit.prepare`, for the `X-As-Of-Position` header. */
  readonly text: string;
}

interface PositionRow {
  tx: string;
  gp: string;
  recorded_at: Date;
}

/** Turns what the client named into a log position, with indexed look-ups on `es_events`. */
@Injectable()
export class LogPointResolver {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async resolve(asOf: AsOf, field = 'asOf'): Promise<LogPoint> {
    const head = await this.store.headPosition();
    switch (asOf.kind) {
      case 'time': {
        // to the millisecond, as the service shows times: an event shown as recorded at T is part of the log as of T
        const { rows } = await this.pool.query<PositionRow>(
          `SELECT transaction_id::text AS tx, global_position::text AS gp, recorded_at FROM es_events
            WHERE recorded_at < $1::timestamptz + interval '1 millisecond'
            ORDER BY recorded_at DESC, transaction_id DESC, global_position DESC LIMIT 1`,
          [asOf.at.toISOString()],
        );
        return point(rows[0] ? toPosition(rows[0]) : LOG_START, head, asOf.at);
      }
      case 'position': {
        const { rows } = await this.pool.query<PositionRow>(
          `SELECT transaction_id::text AS tx, global_position::text AS gp, recorded_at FROM es_events
            WHERE transaction_id = $1::text::xid8 AND global_position = $2::bigint`,
          [asOf.position.commit.toString(), asOf.position.prepare.toString()],
        );
        return this.named(rows[0], head, field);
      }
      case 'global_position': {
        const { rows } = await this.pool.query<PositionRow>(
          `SELECT transaction_id::text AS tx, global_position::text AS gp, recorded_at FROM es_events WHERE global_position = $1::bigint`,
          [asOf.globalPosition.toString()],
        );
        return this.named(rows[0], head, field);
      }
    }
  }

  private named(row: PositionRow | undefined, head: LogPosition, field: string): LogPoint {
    if (!row) throw new InvalidAsOf(field, 'names no event of the log');
    const position = toPosition(row);
    if (compareLogPositions(position, head) > 0) throw new InvalidAsOf(field, 'names an event that is not yet part of the readable log');
    return point(position, head, row.recorded_at);
  }
}

const toPosition = (row: PositionRow): LogPosition => ({ commit: BigInt(row.tx), prepare: BigInt(row.gp) });

function point(position: LogPosition, head: LogPosition, at: Date): LogPoint {
  const capped = compareLogPositions(position, head) > 0 ? head : position;
  return { position: capped, at, text: formatLogPosition(capped) };
}
