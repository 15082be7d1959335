import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { UpcasterRegistry } from '../port/index.js';
import { testMetadata } from '../../../test/support/actor.js';
import { describeEventStoreContract } from '../testing/contract-suite.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { createTestDatabase } from '../../../test/support/postgres.js';

describeEventStoreContract('PostgreSQL server', async () => {
  const db = await createTestDatabase('es_contract');
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const otherPool = new pg.Pool({ connectionString: db.url, max: 2 });
  return {
    store: new PostgresEventStore(pool),
    secondStore: new PostgresEventStore(otherPool),
    async teardown() {
      await pool.end();
      await otherPool.end();
      await db.drop();
    },
  };
});

describe('PostgreSQL event store schema evolution', () => {
  it('keeps the written schema version and upcasts old events on read, never rewriting them', async () => {
    const db = await createTestDatabase('es_upcast');
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const v1Store = new PostgresEventStore(pool);
      await v1Store.migrate();
      await v1Store.append('priced-1', [{ type: 'Priced', data: { price: 12 }, metadata: testMetadata() }]);

      const upcasters = new UpcasterRegistry().register('Priced', 1, (d: { price: number }) => ({ amountMinor: d.price * 100 }));
      const v2Store = new PostgresEventStore(pool, upcasters);
      await v2Store.append('priced-1', [{ type: 'Priced', data: { amountMinor: 5 }, metadata: testMetadata() }]);

      const read = await v2Store.readStream('priced-1');
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [2, { amountMinor: 1200 }],
        [2, { amountMinor: 5 }],
      ]);
      const { rows } = await pool.query('SELECT schema_version, data FROM es_events ORDER BY stream_position');
      expect(rows).toEqual([
        { schema_version: 1, data: { price: 12 } },
        { schema_version: 2, data: { amountMinor: 5 } },
      ]);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
