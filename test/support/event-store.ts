import { afterAll, beforeAll } from '@jest/globals';
import pg from 'pg';
import { WrongExpectedVersionError, type EventStore, type NewEvent } from '../../libs/event-store/port/index.js';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export interface ServerEventStore {
  readonly db: TestDatabase;
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
}

/**
 * A migrated event store on a fresh server database for the enclosing `describe`: made before its tests, closed and
 * dropped after them. Its fields are set once `beforeAll` has run, so read them inside the tests.
 */
export function useServerEventStore(prefix: string, poolMax: number): ServerEventStore {
  const server = {} as { db: TestDatabase; pool: pg.Pool; store: PostgresEventStore };
  beforeAll(async () => {
    server.db = await createTestDatabase(prefix);
    server.pool = new pg.Pool({ connectionString: server.db.url, max: poolMax });
    server.store = new PostgresEventStore(server.pool);
    await server.store.migrate();
  });
  afterAll(async () => {
    await server.store?.close();
    await server.pool?.end();
    await server.db?.drop();
  });
  return server;
}

/**
 * `writers` concurrent writers each append `perWriter` times to one stream with optimistic concurrency: read the
 * version, append at it, go again on a conflict. Resolves to how many conflicts there were, so a test can tell that
 * the race really happened.
 */
export async function raceOptimisticWriters(
  store: EventStore,
  streamId: string,
  writers: number,
  perWriter: number,
  eventsOf: (writer: number, k: number) => NewEvent[],
): Promise<number> {
  let conflicts = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = 0; k < perWriter; k++) {
        for (;;) {
          const version = await store.streamVersion(streamId);
          try {
            await store.append(streamId, eventsOf(w, k), { expectedVersion: version === 0 ? 'no_stream' : version });
            break;
          } catch (err) {
            if (!(err instanceof WrongExpectedVersionError)) throw err;
            conflicts++;
          }
        }
      }
    }),
  );
  return conflicts;
}
