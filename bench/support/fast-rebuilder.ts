import type { DataSource, EntityManager } from 'typeorm';
import { LOG_START, type EventStore, type LogPosition, type ReadAllResult } from '../../libs/event-store/index.js';
import { checkpoints, type Projection } from '../../libs/projections/index.js';
import type { Timings } from './rebuild-variants.js';

/**
 * A bench-only copy of libs/projections/projection-rebuilder.ts with the changes under test behind switches.
 * With every switch off it does what the library does (shadow schema, catch up, swap by copy, reset checkpoint).
 */
export interface FastRebuildOptions {
  readonly batchSize: number;
  /** Read batch n+1 while batch n is applied (the read runs on the store's pool, the apply on TypeORM's). */
  readonly prefetch: boolean;
  /** Shadow tables UNLOGGED and without their non-unique indexes: they are scratch, copied into the live table at the swap. */
  readonly lightShadow: boolean;
  readonly signal?: AbortSignal;
}

/** A projection that can hold rows back between batches of a rebuild: `flush` writes them (called before the swap). */
export interface FlushableProjection extends Projection {
  flush?(manager: EntityManager): Promise<void>;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function fastRebuild(
  store: EventStore,
  dataSource: DataSource,
  projection: FlushableProjection,
  options: FastRebuildOptions,
  timings?: Timings,
): Promise<{ events: number; ms: number }> {
  if (timings) timings.prefetched = options.prefetch;
  const started = performance.now();
  const shadow = `rebuild_${projection.name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
  const handles = new Set(projection.handles);
  let events = 0;
  let applied = 0;
  let position: LogPosition = LOG_START;
  const [{ live }] = await dataSource.query('SELECT current_schema() AS live');
  await dataSource.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`);
  await dataSource.query(`CREATE SCHEMA ${quote(shadow)}`);
  for (const table of projection.tables) {
    const target = `${quote(shadow)}.${quote(table)}`;
    await dataSource.query(`CREATE ${options.lightShadow ? 'UNLOGGED ' : ''}TABLE ${target} (LIKE ${quote(live)}.${quote(table)} INCLUDING ALL)`);
    if (options.lightShadow) {
      const indexes: { name: string }[] = await dataSource.query(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass AND NOT i.indisunique`,
        [target],
      );
      for (const { name } of indexes) await dataSource.query(`DROP INDEX ${quote(shadow)}.${quote(name)}`);
    }
  }
  const inShadow = async (work: (manager: EntityManager) => Promise<void>) => {
    const started = performance.now();
    let worked = 0;
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path TO ${quote(shadow)}, ${quote(live)}`);
      const s = performance.now();
      await work(manager);
      worked = performance.now() - s;
    });
    // BEGIN, SET LOCAL, COMMIT and the pool: what the transaction costs beyond the projection's own work
    if (timings) timings.transactions += performance.now() - started - worked;
  };
  try {
    const catchUp = async () => {
      let next: Promise<ReadAllResult> = store.readAll({ after: position, limit: options.batchSize });
      next.catch(() => undefined); // an abort may leave a prefetched read unawaited
      for (;;) {
        options.signal?.throwIfAborted();
        const waitStarted = performance.now();
        const batch = await next;
        if (timings) timings.readWait += performance.now() - waitStarted;
        if (options.prefetch && !batch.isEnd) {
          next = store.readAll({ after: batch.lastPosition, limit: options.batchSize });
          next.catch(() => undefined);
        }
        const relevant = batch.events.filter((e) => handles.has(e.type));
        if (relevant.length) await inShadow((manager) => projection.apply(relevant, manager));
        events += batch.events.length;
        applied += relevant.length;
        position = batch.lastPosition;
        if (batch.isEnd) break;
        if (!options.prefetch) next = store.readAll({ after: position, limit: options.batchSize });
      }
      if (projection.flush) await inShadow((manager) => projection.flush!(manager));
    };
    await catchUp();
    await catchUp(); // the library catches up twice (before and after stopping the live runner)
    const swapStarted = performance.now();
    await dataSource.transaction(async (manager) => {
      for (const table of projection.tables) {
        await manager.query(`DELETE FROM ${quote(live)}.${quote(table)}`);
        await manager.query(`INSERT INTO ${quote(live)}.${quote(table)} SELECT * FROM ${quote(shadow)}.${quote(table)}`);
      }
      await checkpoints.reset(manager, projection.name, projection.version, position, applied);
    });
    if (timings) timings.swap += performance.now() - swapStarted;
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`);
  }
  return { events, ms: performance.now() - started };
}
