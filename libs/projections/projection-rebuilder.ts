import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LOG_START, type EventStore, type LogPosition } from '../event-store/index.js';
import { checkpoints } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import { ShadowTables } from './shadow-tables.js';

export interface RebuildProgress {
  readonly projection: string;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly elapsedMs: number;
  readonly done: boolean;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Called once the shadow tables have caught up, before the swap: stop the live runner here. */
  readonly beforeSwap?: () => Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * Rebuilds a read model from the start of the log into fresh tables in a shadow schema while the live tables keep
 * answering; once caught up it renames them into place in one transaction and moves the checkpoint with it
 * (see ShadowTables).
 */
export class ProjectionRebuilder {
  private readonly logger = new Logger('ProjectionRebuild');

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
    const tables = await ShadowTables.create(this.dataSource, shadow, live, projection.tables);
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
          if (relevant.length) await tables.fill((manager) => projection.apply(relevant, manager));
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
      options.signal?.throwIfAborted();
      await tables.seal();
      await options.beforeSwap?.();
      await catchUp(); // what the live runner wrote while we built
      await this.dataSource.transaction(async (manager) => {
        await tables.swap(manager);
        await checkpoints.reset(manager, projection.name, projection.version, position, applied);
      });
    } finally {
      await tables.drop();
    }
    const result = progress(true);
    options.onProgress?.(result);
    this.logger.log({ msg: 'rebuilt', ...result });
    return result;
  }
}
