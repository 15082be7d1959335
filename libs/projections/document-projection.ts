import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { RecordedEvent } from '../event-store/index.js';
import type { Projection } from './projection.js';

/**
 * A projection with one row per key (usually per stream), applied batch-wise: load every row the batch touches
 * in one query, fold the events in memory, write all changed rows back in one upsert. This keeps a rebuild at
 * tens of thousands of events per second instead of one round trip per event.
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
    const repository = manager.getRepository(this.entity);
    const existing = await repository.findBy({ [this.key]: In(keys) } as never);
    const rows = new Map<string, Row | null>(existing.map((r) => [String(r[this.key]), r]));
    const touched = new Set<string>();
    for (const event of events) {
      const key = this.keyOf(event);
      if (key === null) continue;
      rows.set(key, this.evolve(rows.get(key) ?? null, event));
      touched.add(key);
    }
    const changed = [...touched].map((k) => rows.get(k)).filter((r): r is Row => r != null);
    for (let i = 0; i < changed.length; i += 500) {
      await repository.upsert(changed.slice(i, i + 500) as never, { conflictPaths: [this.key], skipUpdateIfNoValuesChanged: false });
    }
  }
}
