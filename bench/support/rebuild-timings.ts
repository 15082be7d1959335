import type { EntityManager } from 'typeorm';
import type { EventStore } from '../../libs/event-store/index.js';
import type { Projection } from '../../libs/projections/index.js';

/** Wrappers that time where a rebuild spends its wall time (reading the log, loading, folding, writing). */

export class Timings {
  apply = 0;
  readAll = 0;
  /** Time the rebuild loop actually waited for a batch (equals readAll unless reads are prefetched). */
  readWait = 0;
  prefetched = false;
  /** The swap transaction (copy into the live table), when the rebuilder is the bench's copy. */
  swap = 0;
  /** Per-batch transaction overhead (BEGIN, SET LOCAL, COMMIT), when the rebuilder is the bench's copy. */
  transactions = 0;
  readAllCalls = 0;
  eventsRead = 0;
  load = 0;
  evolve = 0;
  write = 0;
  applyCalls = 0;
  rowsLoaded = 0;
  rowsWritten = 0;
}

/** Wraps a store so that `readAll` (query, row parsing, upcasting) is timed; everything else passes through. */
export function timedStore(store: EventStore, t: Timings): EventStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'readAll') {
        return async (options: Parameters<EventStore['readAll']>[0]) => {
          const s = performance.now();
          const result = await target.readAll(options);
          t.readAll += performance.now() - s;
          t.readAllCalls++;
          t.eventsRead += result.events.length;
          return result;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The library's projection, untouched, with its apply timed from outside: the entity manager it receives hands
 * out repositories whose `findBy` and `upsert` are timed. Costs a few performance.now() calls per batch.
 */
export function timedProjection(inner: Projection, t: Timings): Projection {
  return {
    name: inner.name,
    version: inner.version,
    handles: inner.handles,
    tables: inner.tables,
    async apply(events, manager) {
      const s = performance.now();
      t.applyCalls++;
      await inner.apply(events, timedManager(manager, t));
      t.apply += performance.now() - s;
    },
  };
}

/** Times the projection's two statements per batch: the `SELECT` that loads rows and the `INSERT` that writes them. */
function timedManager(manager: EntityManager, t: Timings): EntityManager {
  return new Proxy(manager, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (prop === 'query') {
        return async (sql: string, parameters?: unknown[]) => {
          const s = performance.now();
          const result = await obj.query(sql, parameters);
          const ms = performance.now() - s;
          if (/^\s*SELECT/i.test(sql)) {
            t.load += ms;
            t.rowsLoaded += (result as unknown[]).length;
          } else if (/^\s*INSERT/i.test(sql)) {
            t.write += ms;
            t.rowsWritten += (JSON.parse(String(parameters?.[0] ?? '[]')) as unknown[]).length;
          }
          return result;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}
