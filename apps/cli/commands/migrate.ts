import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../api/app.module.js';
import { PostgresEventStore } from '../../../libs/event-store/index.js';
import { say, type CliIo } from '../cli-io.js';
import { openCliDatabase } from '../cli-database.js';

/**
 * Brings the schema up to date exactly as the service does on start: the event store's own schema, then every
 * read-model migration not yet applied, each in its own transaction (a failure keeps the ones before it).
 * Safe to run repeatedly and while the service runs.
 */
export async function migrateCommand(io: CliIo): Promise<void> {
  const db = await openCliDatabase(io);
  try {
    await new PostgresEventStore(db.pool, undefined, { preparedStatements: !db.connection.embedded }).migrate();
    const dataSource = new DataSource({
      type: 'postgres',
      url: db.connection.url,
      poolSize: 1,
      migrations: [...MIGRATIONS],
      migrationsTransactionMode: 'each',
      logging: ['error'],
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      say(io, applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.close();
  }
}
