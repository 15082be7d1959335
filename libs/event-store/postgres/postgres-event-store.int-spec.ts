import pg from 'pg';
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
