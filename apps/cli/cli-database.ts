import pg from 'pg';
import { openDatabase, type DatabaseConnection } from '../../libs/database/database-connection.js';
import { EMBEDDED_POOL_MAX } from '../../libs/event-store/pglite/embedded-postgres.js';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import type { CliIo } from './cli-io.js';

/** The database the service uses, opened as the service opens it, with one `pg` pool for the command. */
export interface CliDatabase {
  readonly connection: DatabaseConnection;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * `DATABASE_URL`, or else the embedded database in `DATA_DIR` (which only one process may hold: with the service
 * running on it, this fails and says which process holds it).
 */
export async function openCliDatabase(io: CliIo): Promise<CliDatabase> {
  const config = loadPlatformConfig(io.env);
  const connection = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  const pool = new pg.Pool({ connectionString: connection.url, max: connection.embedded ? EMBEDDED_POOL_MAX : 4 });
  pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it on next use
  return {
    connection,
    pool,
    async close() {
      await pool.end();
      await connection.close();
    },
  };
}
