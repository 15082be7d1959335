import { In, type EntityManager, type EntityMetadata, type ValueTransformer } from 'typeorm';
import type { EventStore, RecordedEvent } from '../../libs/event-store/index.js';
import type { Projection } from '../../libs/projections/index.js';
import { ProposalSummary } from '../../libs/proposals/read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from '../../libs/proposals/read-models/proposal-summary.projection.js';

/**
 * Bench-only copies of `DocumentProjection.apply` (libs/projections/document-projection.ts) with timers, and with
 * the load and the write swappable, to measure where a rebuild spends its time and what a change would buy.
 * The library is not modified: these subclass the real ProposalSummaryProjection and reuse its keyOf/evolve.
 */

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

function timed<T extends object>(target: T, methods: Record<string, (t: Timings, ms: number, result: unknown, args: unknown[]) => void>, t: Timings): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const record = typeof prop === 'string' ? methods[prop] : undefined;
      if (!record) return (value as (...a: unknown[]) => unknown).bind(obj);
      return async (...args: unknown[]) => {
        const s = performance.now();
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        record(t, performance.now() - s, result, args);
        return result;
      };
    },
  });
}

function timedManager(manager: EntityManager, t: Timings): EntityManager {
  return new Proxy(manager, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (prop === 'getRepository') {
        return (target: Parameters<EntityManager['getRepository']>[0]) =>
          timed(
            obj.getRepository(target),
            {
              findBy: (tt, ms, result) => {
                tt.load += ms;
                tt.rowsLoaded += (result as unknown[]).length;
              },
              upsert: (tt, ms, _result, args) => {
                tt.write += ms;
                tt.rowsWritten += Array.isArray(args[0]) ? args[0].length : 1;
              },
            },
            t,
          );
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}

export type LoadStrategy = 'typeorm-findBy' | 'sql-any';
export type WriteStrategy = 'typeorm-upsert' | 'sql-jsonb-recordset' | 'sql-unnest';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function fromDatabase(transformer: ValueTransformer | ValueTransformer[] | undefined, value: unknown): unknown {
  if (!transformer) return value;
  const list = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
  return list.reduce((v, t) => t.from(v), value);
}

/**
 * The summary projection with DocumentProjection.apply copied verbatim except for timers and the two pluggable
 * steps. With ('typeorm-findBy', 'typeorm-upsert') it does exactly what the library does.
 */
export class VariantSummaryProjection extends ProposalSummaryProjection {
  constructor(
    readonly timings: Timings,
    private readonly loadStrategy: LoadStrategy = 'typeorm-findBy',
    private readonly writeStrategy: WriteStrategy = 'typeorm-upsert',
  ) {
    super();
  }

  override async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const t = this.timings;
    t.applyCalls++;
    const started = performance.now();
    const keys = [...new Set(events.map((e) => this.keyOf(e)).filter((k): k is string => k !== null))];
    if (keys.length === 0) return;
    const repository = manager.getRepository(this.entity);
    const metadata = repository.metadata;

    let s = performance.now();
    const existing = this.loadStrategy === 'typeorm-findBy'
      ? await repository.findBy({ [this.key]: In(keys) } as never)
      : await loadWithSql(manager, metadata, keys);
    t.load += performance.now() - s;
    t.rowsLoaded += existing.length;

    s = performance.now();
    const rows = new Map<string, ProposalSummary | null>(existing.map((r) => [String(r[this.key]), r]));
    const touched = new Set<string>();
    for (const event of events) {
      const key = this.keyOf(event);
      if (key === null) continue;
      rows.set(key, this.evolve(rows.get(key) ?? null, event));
      touched.add(key);
    }
    const changed = [...touched].map((k) => rows.get(k)).filter((r): r is ProposalSummary => r != null);
    t.evolve += performance.now() - s;

    s = performance.now();
    if (this.writeStrategy === 'typeorm-upsert') {
      for (let i = 0; i < changed.length; i += 500) {
        await repository.upsert(changed.slice(i, i + 500) as never, { conflictPaths: [this.key], skipUpdateIfNoValuesChanged: false });
      }
    } else if (changed.length) {
      await (this.writeStrategy === 'sql-unnest' ? writeWithUnnest : writeWithSql)(manager, metadata, changed);
    }
    t.write += performance.now() - s;
    t.rowsWritten += changed.length;
    t.apply += performance.now() - started;
  }
}

/** One `= ANY($1)` query with one array parameter; rows mapped to entities through the entity metadata. */
export async function loadWithSql(manager: EntityManager, metadata: EntityMetadata, keys: string[]): Promise<ProposalSummary[]> {
  const pk = metadata.primaryColumns[0];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT * FROM ${quote(metadata.tableName)} WHERE ${quote(pk.databaseName)} = ANY ($1::${pk.type === 'uuid' ? 'uuid' : 'text'}[])`,
    [keys],
  );
  return rows.map((row) => {
    const entity: Record<string, unknown> = {};
    for (const column of metadata.columns) entity[column.propertyName] = fromDatabase(column.transformer, row[column.databaseName]);
    return entity as unknown as ProposalSummary;
  });
}

/**
 * One statement for the whole batch, one parameter: the rows as a JSON array, turned into rows of the table's own
 * type by jsonb_populate_recordset (arrays, jsonb, timestamps and bigints convert as the columns declare).
 */
export async function writeWithSql(manager: EntityManager, metadata: EntityMetadata, entities: ProposalSummary[]): Promise<void> {
  const table = quote(metadata.tableName);
  const columns = metadata.columns.map((c) => quote(c.databaseName)).join(', ');
  const updates = metadata.columns.filter((c) => !c.isPrimary).map((c) => `${quote(c.databaseName)} = EXCLUDED.${quote(c.databaseName)}`).join(', ');
  const pk = metadata.primaryColumns.map((c) => quote(c.databaseName)).join(', ');
  const payload = entities.map((e) => {
    const row: Record<string, unknown> = {};
    for (const column of metadata.columns) row[column.databaseName] = column.getEntityValue(e, true) ?? null;
    return row;
  });
  await manager.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (${pk}) DO UPDATE SET ${updates}`,
    [JSON.stringify(payload)],
  );
}

/**
 * One statement for the whole batch with one array parameter per column, zipped back into rows by unnest().
 * Array columns travel as their text form and are cast per row (unnest cannot take arrays of arrays).
 */
export async function writeWithUnnest(manager: EntityManager, metadata: EntityMetadata, entities: ProposalSummary[]): Promise<void> {
  const table = quote(metadata.tableName);
  const columns = metadata.columns;
  const names = columns.map((c) => quote(c.databaseName)).join(', ');
  const updates = columns.filter((c) => !c.isPrimary).map((c) => `${quote(c.databaseName)} = EXCLUDED.${quote(c.databaseName)}`).join(', ');
  const pk = metadata.primaryColumns.map((c) => quote(c.databaseName)).join(', ');
  const params = columns.map((c) =>
    entities.map((e) => {
      const v = c.getEntityValue(e, true) ?? null;
      if (v === null) return null;
      if (c.isArray) return `{${(v as unknown[]).map((x) => `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
      if (c.type === 'jsonb' || c.type === 'json') return JSON.stringify(v);
      return v;
    }),
  );
  const unnestArgs = columns.map((c, i) => `$${i + 1}::${c.isArray ? 'text' : String(c.type)}[]`).join(', ');
  const selectList = columns.map((c, i) => (c.isArray ? `c${i}::${String(c.type)}[]` : `c${i}`)).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  await manager.query(
    `INSERT INTO ${table} (${names}) SELECT ${selectList} FROM unnest(${unnestArgs}) AS u(${aliases})
     ON CONFLICT (${pk}) DO UPDATE SET ${updates}`,
    params,
  );
}

/**
 * Rebuild-only write-behind: documents stay in memory between batches (the rebuild alone writes the shadow
 * tables, so memory is the truth), each is loaded at most once and written once, at `flush` or when more than
 * `capacity` are held. Not for the live runner: a rolled-back batch would leave the cache ahead of the table.
 */
export class WriteBehindSummaryProjection extends ProposalSummaryProjection {
  private readonly cache = new Map<string, ProposalSummary | null>();
  private readonly dirty = new Set<string>();

  constructor(
    readonly timings: Timings,
    private readonly capacity = 100_000,
  ) {
    super();
  }

  override async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const t = this.timings;
    t.applyCalls++;
    const started = performance.now();
    const metadata = manager.getRepository(this.entity).metadata;
    const missing = [...new Set(events.map((e) => this.keyOf(e)).filter((k): k is string => k !== null && !this.cache.has(k)))];
    let s = performance.now();
    if (missing.length) {
      const found = await loadWithSql(manager, metadata, missing);
      t.rowsLoaded += found.length;
      for (const k of missing) this.cache.set(k, null);
      for (const row of found) this.cache.set(String(row[this.key]), row);
    }
    t.load += performance.now() - s;
    s = performance.now();
    for (const event of events) {
      const key = this.keyOf(event);
      if (key === null) continue;
      this.cache.set(key, this.evolve(this.cache.get(key) ?? null, event));
      this.dirty.add(key);
    }
    t.evolve += performance.now() - s;
    if (this.cache.size > this.capacity) await this.writeBack(manager);
    t.apply += performance.now() - started;
  }

  async flush(manager: EntityManager): Promise<void> {
    const s = performance.now();
    await this.writeBack(manager);
    this.timings.apply += performance.now() - s;
  }

  private async writeBack(manager: EntityManager): Promise<void> {
    const s = performance.now();
    const metadata = manager.getRepository(this.entity).metadata;
    const rows = [...this.dirty].map((k) => this.cache.get(k)).filter((r): r is ProposalSummary => r != null);
    for (let i = 0; i < rows.length; i += 2000) await writeWithSql(manager, metadata, rows.slice(i, i + 2000));
    this.timings.rowsWritten += rows.length;
    this.dirty.clear();
    this.cache.clear();
    this.timings.write += performance.now() - s;
  }
}
