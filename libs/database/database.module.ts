import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { EVENT_STORE, KurrentDbEventStore, PostgresEventStore, type EventStore } from '../event-store/index.js';
import { EMBEDDED_POOL_MAX } from '../event-store/pglite/embedded-postgres.js';
import { EventStoreMetrics, InstrumentedEventStore, PG_POOL, PLATFORM_CONFIG, ProblemModule, type PlatformConfig } from '../platform/index.js';
import { databaseUnavailableProblemMapper, loadDatabaseSessionSettings, sessionOptions } from '../platform/database-faults/index.js';
import { PersonalDataEventStore } from '../personal-data/store/personal-data-event-store.js';
import { PersonKeys } from '../personal-data/store/person-keys.js';
import { openDatabase, type DatabaseConnection } from './database-connection.js';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

const poolSize = (db: DatabaseConnection) => (db.embedded ? EMBEDDED_POOL_MAX : 10);

/** Session settings for a server's connections (the embedded PGlite is one session of its own: none there). */
const session = (db: DatabaseConnection) => (db.embedded ? {} : sessionOptions(loadDatabaseSessionSettings()));

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
        // the database away (restarting, failing over) answers 503 with Retry-After, not 500
        ProblemModule.forFeature(databaseUnavailableProblemMapper),
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
            extra: session(db),
          }),
        }),
      ],
      providers: [
        {
          provide: PG_POOL,
          useFactory: (db: DatabaseConnection) => {
            const pool = new pg.Pool({ connectionString: db.url, max: poolSize(db), ...session(db) });
            pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it on next use
            return pool;
          },
          inject: [DATABASE_CONNECTION],
        },
        {
          provide: EVENT_STORE,
          useFactory: async (pool: pg.Pool, db: DatabaseConnection, metrics: EventStoreMetrics, config: PlatformConfig) => {
            // the log on KurrentDB when chosen; read models and checkpoints stay in this PostgreSQL either way
            const store =
              config.eventStore === 'kurrentdb'
                ? KurrentDbEventStore.connect(config.kurrentdbUrl!)
                : new PostgresEventStore(pool, undefined, { preparedStatements: !db.embedded });
            await store.migrate();
            // personal data encrypted per person, keys in this PostgreSQL (libs/personal-data); metrics outermost
            return new InstrumentedEventStore(new PersonalDataEventStore(store, new PersonKeys(pool, { preparedStatements: !db.embedded })), metrics); // appends, conflicts and replays on /metrics
          },
          inject: [PG_POOL, DATABASE_CONNECTION, EventStoreMetrics, PLATFORM_CONFIG],
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
