import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testMetadata } from '../../../test/support/actor.js';
import { raceOptimisticWriters, useServerEventStore } from '../../../test/support/event-store.js';
import { createTestDatabase } from '../../../test/support/postgres.js';
import { EMBEDDED_POOL_MAX } from '../pglite/embedded-postgres.js';
import { startTemporaryEmbeddedPostgres } from '../pglite/testing/temporary-embedded-postgres.js';
import { describeHashChainContract, expectIntactChain, readChain } from '../testing/hash-chain-contract.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { SCHEMA_STEPS } from './schema.js';

describeHashChainContract('PostgreSQL server', async () => {
  const db = await createTestDatabase('es_hash_chain');
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  return {
    store: new PostgresEventStore(pool),
    pool,
    async teardown() {
      await pool.end();
      await db.drop();
    },
  };
});

describeHashChainContract('embedded PGlite', async () => {
  const embedded = await startTemporaryEmbeddedPostgres();
  const pool = new pg.Pool({ connectionString: embedded.url, max: EMBEDDED_POOL_MAX });
  return {
    store: new PostgresEventStore(pool, undefined, { preparedStatements: false }),
    pool,
    async teardown() {
      await pool.end();
      await embedded.stop();
    },
  };
});

describe('event hash chain under concurrent writers (server)', () => {
  const server = useServerEventStore('es_hash_concurrency', 16);

  it('stays intact when many writers race for one stream, each retrying on conflict', async () => {
    const id = `race-${randomUUID()}`;
    const writers = 12;
    const perWriter = 4;
    const conflicts = await raceOptimisticWriters(server.store, id, writers, perWriter, (w, k) =>
      // batches of 1 to 3 events
      Array.from({ length: 1 + ((w + k) % 3) }, (_, j) => ({ type: 'Raced', data: { w, k, j }, metadata: testMetadata() })),
    );
    const length = await server.store.streamVersion(id);
    expectIntactChain(await readChain(server.pool, id), length);
    expect(conflicts).toBeGreaterThan(0); // the race really happened
  });

  it('stays intact when writers append with "any" to one stream at the same time', async () => {
    const id = `any-${randomUUID()}`;
    await Promise.all(Array.from({ length: 16 }, (_, w) => server.store.append(id, [{ type: 'Any', data: { w }, metadata: testMetadata() }])));
    expectIntactChain(await readChain(server.pool, id), 16);
  });
});

describe('upgrading a log written before hashing existed', () => {
  it('gives every existing event its chain once, then appends on top of it', async () => {
    const db = await createTestDatabase('es_hash_upgrade');
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      await pool.query('CREATE TABLE es_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      await pool.query(SCHEMA_STEPS[1]);
      await pool.query('INSERT INTO es_schema (version) VALUES (1)');
      await pool.query(
        `INSERT INTO es_events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
         SELECT 'old-' || (g % 3), (g / 3) + 1, gen_random_uuid(), 'Old', 1, jsonb_build_object('g', g), '{"actor": {"subject": "s"}}'
         FROM generate_series(0, 8) g`,
      );
      const store = new PostgresEventStore(pool);
      await store.migrate();
      await store.append('old-1', [{ type: 'New', data: {}, metadata: testMetadata() }], { expectedVersion: 3 });
      expectIntactChain(await readChain(pool, 'old-0'), 3);
      expectIntactChain(await readChain(pool, 'old-1'), 4);
      await expect(pool.query(`UPDATE es_events SET data = '{}'`)).rejects.toThrow(/append-only/);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
