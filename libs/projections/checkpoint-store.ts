import type { EntityManager } from 'typeorm';
import type { LogPosition } from '../event-store/index.js';

export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  readonly position: LogPosition;
  readonly eventsApplied: number;
  readonly updatedAt: Date;
}

/** A checkpoint moved since this runner read it: another runner applied the batch, so this one rolls back. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of projection ${projection} was moved by another runner`);
    this.name = 'CheckpointMovedError';
  }
}

interface Row {
  name: string;
  version: number;
  commit_position: string;
  prepare_position: string;
  events_applied: string;
  updated_at: Date;
}

const toCheckpoint = (r: Row): Checkpoint => ({
  name: r.name,
  version: r.version,
  position: { commit: BigInt(r.commit_position), prepare: BigInt(r.prepare_position) },
  eventsApplied: Number(r.events_applied),
  updatedAt: r.updated_at,
});

export const checkpoints = {
  async load(manager: EntityManager, name: string): Promise<Checkpoint | null> {
    const rows: Row[] = await manager.query('SELECT * FROM projection_checkpoints WHERE name = $1', [name]);
    return rows.length ? toCheckpoint(rows[0]) : null;
  },

  async loadAll(manager: EntityManager): Promise<Checkpoint[]> {
    const rows: Row[] = await manager.query('SELECT * FROM projection_checkpoints ORDER BY name');
    return rows.map(toCheckpoint);
  },

  /** Creates the checkpoint at the start of the log if the projection has none yet. */
  async ensure(manager: EntityManager, name: string, version: number): Promise<Checkpoint> {
    await manager.query('INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, version]);
    return (await this.load(manager, name))!;
  },

  /** Compare-and-set: moves the checkpoint only from where this runner left it. */
  async advance(manager: EntityManager, name: string, from: LogPosition, to: LogPosition, applied: number): Promise<void> {
    const rows: unknown[] = await manager.query(
      `UPDATE projection_checkpoints
         SET commit_position = $4, prepare_position = $5, events_applied = events_applied + $6, updated_at = now()
       WHERE name = $1 AND commit_position = $2 AND prepare_position = $3
       RETURNING name`,
      [name, from.commit.toString(), from.prepare.toString(), to.commit.toString(), to.prepare.toString(), applied],
    );
    if (firstRows(rows).length !== 1) throw new CheckpointMovedError(name);
  },

  /**
   * Compare-and-set of many checkpoints in one statement, for progress over events their projections ignore (nothing
   * applied). Answers the names it moved; the others were moved by another runner meanwhile and stay as they are.
   */
  async advanceMany(manager: EntityManager, moves: readonly { name: string; from: LogPosition; to: LogPosition }[]): Promise<Set<string>> {
    const text = (pick: (m: (typeof moves)[number]) => bigint) => moves.map((m) => pick(m).toString());
    const rows = (await manager.query(
      `UPDATE projection_checkpoints c SET commit_position = v.to_commit, prepare_position = v.to_prepare, updated_at = now()
       FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::numeric[], $5::numeric[]) AS v(name, from_commit, from_prepare, to_commit, to_prepare)
       WHERE c.name = v.name AND c.commit_position = v.from_commit AND c.prepare_position = v.from_prepare
       RETURNING c.name`,
      [moves.map((m) => m.name), text((m) => m.from.commit), text((m) => m.from.prepare), text((m) => m.to.commit), text((m) => m.to.prepare)],
    )) as unknown[];
    return new Set((firstRows(rows) as { name: string }[]).map((r) => r.name));
  },

  /** Sets the checkpoint after a rebuild swapped in a fresh read model. */
  async reset(manager: EntityManager, name: string, version: number, to: LogPosition, applied: number): Promise<void> {
    await manager.query(
      `INSERT INTO projection_checkpoints (name, version, commit_position, prepare_position, events_applied, updated_at, rebuilt_at)
       VALUES ($1, $2, $3, $4, $5, now(), now())
       ON CONFLICT (name) DO UPDATE SET version = $2, commit_position = $3, prepare_position = $4,
         events_applied = $5, updated_at = now(), rebuilt_at = now()`,
      [name, version, to.commit.toString(), to.prepare.toString(), applied],
    );
  },
};

/** TypeORM's postgres driver answers UPDATE … RETURNING with `[rows, count]`, SELECT with `rows`. */
function firstRows(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}
