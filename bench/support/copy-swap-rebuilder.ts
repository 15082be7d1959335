import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { LOG_START, type EventStore, type LogPosition } from '../../libs/event-store/index.js';
import { checkpoints, type Projection, type RebuildOptions, type RebuildProgress } from '../../libs/projections/index.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The rebuilder as it was before the swap by rename, kept so the bench can compare both in the same rounds:
 * shadow tables unlogged with every index from the start, then DELETE + INSERT … SELECT into the live tables and VACUUM.
 */
export class CopySwapRebuilder {
  private readonly logger = new Logger('CopySwapRebuild');

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  async rebuild(projection: Projection, options: RebuildOptions = {}): Promise<RebuildProgress> {
    const shadow = `rebuild_${projection.name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
    const handles = new Set(projection.handles);
    const batchSize = options.batchSize ?? 2000;
    const started = Date.now();
    let events = 0;
    let applied = 0;
    let position: LogPosition = LOG_START;
    let lastReport = 0;
    const progress = (done: boolean): RebuildProgress => {
      const elapsedMs = Date.now() - started;
      return { projection: projection.name, events, eventsPerSecond: Math.round(events / Math.max(elapsedMs / 1000, 0.001)), elapsedMs, done };
    };

    const [{ live }] = await this.dataSource.query('SELECT current_schema() AS live');
    await this.prepareShadow(shadow, live, projection.tables);
    try {
      const catchUp = async () => {
        // read the next batch while this one is applied: reading the log is half of a rebuild's time
        const read = (after: LogPosition) => {
          const pending = this.store.readAll({ after, limit: batchSize });
          pending.catch(() => undefined); // surfaced where it is awaited; not unhandled if we stop before that
          return pending;
        };
        let next = read(position);
        for (;;) {
          options.signal?.throwIfAborted();
          const batch = await next;
          if (!batch.isEnd) next = read(batch.lastPosition);
          const relevant = batch.events.filter((e) => handles.has(e.type));
          if (relevant.length) {
            await this.dataSource.transaction(async (manager) => {
              await manager.query(`SET LOCAL search_path TO ${quote(shadow)}, ${quote(live)}`);
              await projection.apply(relevant, manager);
            });
          }
          events += batch.events.length;
          applied += relevant.length;
          position = batch.lastPosition;
          if (Date.now() - lastReport > 1000) {
            lastReport = Date.now();
            const p = progress(false);
            options.onProgress?.(p);
            this.logger.log({ msg: 'rebuilding', ...p });
          }
          if (batch.isEnd) return;
        }
      };
      await catchUp();
      await options.beforeSwap?.();
      await catchUp(); // what the live runner wrote while we built
      await this.dataSource.transaction(async (manager) => {
        await this.swap(manager, shadow, live, projection.tables);
        await checkpoints.reset(manager, projection.name, projection.version, position, applied);
      });
    } finally {
      await this.dataSource.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`);
    }
    // the swap left every old row behind as a dead tuple: reclaim them now rather than let lists scan them
    for (const table of projection.tables) await this.dataSource.query(`VACUUM (ANALYZE) ${quote(live)}.${quote(table)}`);
    const result = progress(true);
    options.onProgress?.(result);
    this.logger.log({ msg: 'rebuilt', ...result });
    return result;
  }

  private async prepareShadow(shadow: string, live: string, tables: readonly string[]): Promise<void> {
    await this.dataSource.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`);
    await this.dataSource.query(`CREATE SCHEMA ${quote(shadow)}`);
    for (const table of tables) {
      // unlogged: a scratch copy, rebuilt from the log if lost, so it need not pay for the write-ahead log
      await this.dataSource.query(`CREATE UNLOGGED TABLE ${quote(shadow)}.${quote(table)} (LIKE ${quote(live)}.${quote(table)} INCLUDING ALL)`);
    }
  }

  private async swap(manager: EntityManager, shadow: string, live: string, tables: readonly string[]): Promise<void> {
    for (const table of tables) {
      // DELETE, not TRUNCATE: readers keep seeing the old rows until this transaction commits
      await manager.query(`DELETE FROM ${quote(live)}.${quote(table)}`);
      await manager.query(`INSERT INTO ${quote(live)}.${quote(table)} SELECT * FROM ${quote(shadow)}.${quote(table)}`);
    }
  }
}
