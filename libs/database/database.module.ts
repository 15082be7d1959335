import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { EVENT_STORE, PostgresEventStore, type EventStore } from '../event-store/index.js';
import { EMBEDDED_POOL_MAX } from '../event-store/pglite/embedded-postgres.js';
import { PG_POOL, PLATFORM_CONFIG, type PlatformConfig } from '../platform/index.js';
import { openDatabase, type DatabaseConnection } from './database-connection.js';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

const poolSize = (db: DatabaseConnection) => (db.embedded ? EMBEDDED_POOL_MAX : 10);

/** Opens the database (server or embedded) once; everything else connects through its URL. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      useFactory: (config: PlatformConfig) => openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir }),
      inject: [PLATFORM_CONFIG],
    },
  ],
  exports: [DATABASE_CONNECTION],
})
class DatabaseConnectionModule {}

/**
 * The service's persistence: the event store (its schema migrated on start), a `pg` pool for the platform, and
 * TypeORM for the read models with every migration run on start (never `synchronize`).
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_CONNECTION) private readonly db: DatabaseConnection,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot(migrations: ReadonlyArray<new () => MigrationInterface>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        DatabaseConnectionModule,
        TypeOrmModule.forRootAsync({
          inject: [DATABASE_CONNECTION],
          useFactory: (db: DatabaseConnection) => ({
            type: 'postgres' as const,
            url: db.url,
            poolSize: poolSize(db),
            autoLoadEntities: true,
            synchronize: false,
            migrations: [...migrations],
            migrationsRun: true,
            migrationsTransactionMode: 'each' as const,
            logging: ['error' as const],
          }),
        }),
      ],
      providers: [
        {
          provide: PG_POOL,
          useFactory: (db: DatabaseConnection) => {
            const pool = new pg.Pool({ connectionString: db.url, max: poolSize(db) });
            pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it on next use
            return pool;
          },
          inject: [DATABASE_CONNECTION],
        },
        {
          provide: EVENT_STORE,
          useFactory: async (pool: pg.Pool, db: DatabaseConnection) => {
            const store = new PostgresEventStore(pool, undefined, { preparedStatements: !db.embedded });
            await store.migrate();
            return store;
          },
          inject: [PG_POOL, DATABASE_CONNECTION],
        },
      ],
      exports: [PG_POOL, EVENT_STORE],
    };
  }

  /** Close in dependency order: readers of the database first, the embedded server last. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.pool.end();
    await this.db.close();
  }
}
