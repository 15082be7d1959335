import pg from 'pg';
import { describeEventStoreContract } from '../testing/contract-suite.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { EMBEDDED_POOL_MAX } from './embedded-postgres.js';
import { startTemporaryEmbeddedPostgres } from './testing/temporary-embedded-postgres.js';

describeEventStoreContract('embedded PGlite', async () => {
  const embedded = await startTemporaryEmbeddedPostgres();
  const pool = new pg.Pool({ connectionString: embedded.url, max: EMBEDDED_POOL_MAX });
  const otherPool = new pg.Pool({ connectionString: embedded.url, max: 2 });
  return {
    store: new PostgresEventStore(pool, undefined, { preparedStatements: false }),
    secondStore: new PostgresEventStore(otherPool, undefined, { preparedStatements: false }),
    async teardown() {
      await pool.end();
      await otherPool.end();
      await embedded.stop();
    },
  };
});
