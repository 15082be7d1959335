import { In, type EntityManager, type EntityMetadata, type ValueTransformer } from 'typeorm';
import type { EventStore, RecordedEvent } from '../../libs/event-store/index.js';
import { ProposalSummary } from '../../libs/proposals/read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from '../../libs/proposals/read-models/proposal-summary.projection.js';

/**
 * Bench-only copies of `DocumentProjection.apply` (libs/projections/document-projection.ts) with timers, and with
 * the load and the write swappable, to measure where a rebuild spends its time and what a change would buy.
 * The library is not modified: these subclass the real ProposalSummaryProjection and reuse its keyOf/evolve.
 */

export class Timings {
  readAll = 0;
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

export type LoadStrategy = 'typeorm-findBy' | 'sql-any';
export type WriteStrategy = 'typeorm-upsert' | 'sql-jsonb-recordset';

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
      await writeWithSql(manager, metadata, changed);
    }
    t.write += performance.now() - s;
    t.rowsWritten += changed.length;
  }
}

/** One `= ANY($1)` query with one array parameter; rows mapped to entities through the entity metadata. */
async function loadWithSql(manager: EntityManager, metadata: EntityMetadata, keys: string[]): Promise<ProposalSummary[]> {
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
async function writeWithSql(manager: EntityManager, metadata: EntityMetadata, entities: ProposalSummary[]): Promise<void> {
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
