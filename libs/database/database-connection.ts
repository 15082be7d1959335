import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres } from '../event-store/pglite/embedded-postgres.js';

export interface DatabaseConnection {
  readonly url: string;
  /** True when served by the in-process PGlite (no `DATABASE_URL`). */
  readonly embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseSettings {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/**
 * The one PostgreSQL the service uses: the server named by `DATABASE_URL`, or else an embedded PGlite kept in
 * `DATA_DIR` and served over a local socket, so that `pg` and TypeORM run the same code on both.
 */
export async function openDatabase(settings: DatabaseSettings): Promise<DatabaseConnection> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, embedded: false, close: async () => undefined };
  const logger = new Logger('EmbeddedPostgres');
  const embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir, log: (msg) => logger.log(msg) });
  logger.log({ msg: 'embedded PostgreSQL (PGlite) ready', dataDir: settings.dataDir });
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
