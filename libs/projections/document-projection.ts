import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import type { RecordedEvent } from '../event-store/index.js';
import type { Projection } from './projection.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function fromDatabase(transformer: ValueTransformer | ValueTransformer[] | undefined, value: unknown): unknown {
  if (!transformer) return value;
  const list = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
  return list.reduce((v, t) => t.from(v), value);
}

/**
 * A projection with one row per key (usually per stream), applied batch-wise: load every row the batch touches in
 * one query, fold the events in memory, write all changed rows back in one statement. Both statements are plain SQL
 * built from the entity's metadata (TypeORM's query builders cost more CPU than the database does here), and use
 * unqualified table names so that a rebuild's shadow schema applies.
 */
export abstract class DocumentProjection<Row extends ObjectLiteral> implements Projection {
  abstract readonly name: string;
  abstract readonly version: number;
  abstract readonly handles: readonly string[];
  abstract readonly tables: readonly string[];
  protected abstract readonly entity: EntityTarget<Row>;
  /** The primary-key property of `Row`. */
  protected abstract readonly key: keyof Row & string;

  /** Which row an event belongs to, or null when it touches none. */
  protected abstract keyOf(event: RecordedEvent): string | null;
  /** The row after the event; `current` is null for a row not yet created. Return null to leave it absent. */
  protected abstract evolve(current: Row | null, event: RecordedEvent): Row | null;

  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const keys = [...new Set(events.map((e) => this.keyOf(e)).filter((k): k is string => k !== null))];
    if (keys.length === 0) return;
    const metadata = manager.connection.getMetadata(this.entity);
    const rows = new Map<string, Row | null>((await this.load(manager, metadata, keys)).map((r) => [String(r[this.key]), r]));
    const touched = new Set<string>();
    for (const event of events) {
      const key = this.keyOf(event);
      if (key === null) continue;
      rows.set(key, this.evolve(rows.get(key) ?? null, event));
      touched.add(key);
    }
    const changed = [...touched].map((k) => rows.get(k)).filter((r): r is Row => r != null);
    if (changed.length) await this.write(manager, metadata, changed);
  }

  /** One `= ANY($1)` query; rows mapped to entities through the columns' transformers. */
  private async load(manager: EntityManager, metadata: EntityMetadata, keys: string[]): Promise<Row[]> {
    const pk = metadata.primaryColumns[0];
    const found: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${quote(metadata.tableName)} WHERE ${quote(pk.databaseName)} = ANY ($1::${pk.type === 'uuid' ? 'uuid' : 'text'}[])`,
      [keys],
    );
    return found.map((row) => {
      const entity: Record<string, unknown> = {};
      for (const column of metadata.columns) entity[column.propertyName] = fromDatabase(column.transformer, row[column.databaseName]);
      return entity as Row;
    });
  }

  /** One upsert for the whole batch: the rows travel as one JSON array, typed by the table's own row type. */
  private async write(manager: EntityManager, metadata: EntityMetadata, entities: Row[]): Promise<void> {
    const table = quote(metadata.tableName);
    const columns = metadata.columns.map((c) => quote(c.databaseName)).join(', ');
    const updates = metadata.columns
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(c.databaseName)} = EXCLUDED.${quote(c.databaseName)}`)
      .join(', ');
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
}
