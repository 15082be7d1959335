import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresEventStore } from './postgres-event-store.js';
import { APPEND_SQL } from './schema.js';
import { WrongExpectedVersionError, compareLogPositions, type RecordedEvent } from '../port/index.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { testMetadata } from '../../../test/support/actor.js';
import { raceOptimisticWriters, useServerEventStore } from '../../../test/support/event-store.js';

/** Concurrency runs on the server only: the embedded database runs one transaction at a time. */
describe('PostgreSQL event store under concurrent writers', () => {
  const server = useServerEventStore('es_concurrency', 24);

  it('lets exactly one of many writers at the same expected version win; the others get the current version', async () => {
    const id = `race-${randomUUID()}`;
    await server.store.append(id, [{ type: 'Opened', data: {}, metadata: testMetadata() }]);
    const writers = 20;
    const outcomes = await Promise.allSettled(
      Array.from({ length: writers }, (_, w) =>
        server.store.append(id, [{ type: 'Written', data: { w }, metadata: testMetadata() }], { expectedVersion: 1 }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(writers - 1);
    for (const o of lost) {
      expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((o.reason as WrongExpectedVersionError).actualVersion).toBe(2);
    }
    expect(await server.store.streamVersion(id)).toBe(2);
  });

  it('loses no update when writers retry on conflict: every write lands once, positions are contiguous', async () => {
    const id = `counter-${randomUUID()}`;
    const writers = 16;
    const perWriter = 5;
    const conflicts = await raceOptimisticWriters(server.store, id, writers, perWriter, (w, k) => [{ type: 'Incremented', data: { w, k }, metadata: testMetadata() }]);
    const events = await server.store.readStream(id);
    expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i + 1));
    const written = new Set(events.map((e) => JSON.stringify(e.data)));
    expect(written.size).toBe(writers * perWriter);
    expect(conflicts).toBeGreaterThan(0); // the race really happened
  });

  it('gives a live subscriber every event exactly once, in order, while transactions commit out of order', async () => {
    const start = await server.store.headPosition();
    const streams = Array.from({ length: 12 }, () => `gap-${randomUUID()}`);
    const appendsPerStream = 8;
    const committed = new Set<string>();
    const aborted = new Set<string>();

    // Each writer holds its transaction open for a random time after appending, so later sequence numbers often
    // commit before earlier ones: exactly the case where a reader trusting the sequence alone skips events.
    const writer = async (streamId: string) => {
      const client = await server.pool.connect();
      try {
        for (let k = 0; k < appendsPerStream; k++) {
          const eventId = randomUUID();
          await client.query('BEGIN');
          await client.query(APPEND_SQL, [
            streamId,
            -1,
            JSON.stringify([{ id: eventId, type: 'Delayed', v: 1, data: { streamId, k }, meta: testMetadata() }]),
          ]);
          await client.query('SELECT pg_sleep($1)', [Math.random() * 0.03]);
          if (Math.random() < 0.1) {
            await client.query('ROLLBACK');
            aborted.add(eventId);
          } else {
            await client.query('COMMIT');
            committed.add(eventId);
          }
        }
      } finally {
        client.release();
      }
    };

    const subscription = server.store.subscribe({ after: start, batchSize: 5, pollIntervalMs: 5, types: ['Delayed'] });
    const received: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const batch of subscription) received.push(...batch.events);
    })();
    await Promise.all(streams.map(writer));
    // the subscriber catches up on its own (bounded wait), then gets a moment to deliver anything extra
    for (const deadline = Date.now() + 20_000; received.length < committed.size && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
    await subscription.stop();
    await consumer;

    const ids = received.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length); // no event twice
    expect(new Set(ids)).toEqual(committed); // every committed event, and no aborted one
    for (const id of aborted) expect(ids).not.toContain(id);
    for (let i = 1; i < received.length; i++) {
      expect(compareLogPositions(received[i - 1].position, received[i].position)).toBeLessThan(0);
    }
    // within each stream, events arrive in stream order
    for (const s of streams) {
      const positions = received.filter((e) => e.streamId === s).map((e) => e.streamPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});

describe('PostgreSQL event log is append-only', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('es_append_only');
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const store = new PostgresEventStore(pool);
    await store.migrate();
    await store.append('s-1', [{ type: 'A', data: { v: 1 }, metadata: testMetadata() }]);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it.each([
    ['UPDATE', `UPDATE es_events SET data = '{"v":2}'`],
    ['DELETE', 'DELETE FROM es_events'],
    ['TRUNCATE', 'TRUNCATE es_events'],
  ])('refuses %s even for the table owner', async (_op, sql) => {
    await expect(pool.query(sql)).rejects.toThrow(/append-only/);
    const { rows } = await pool.query('SELECT data FROM es_events');
    expect(rows).toEqual([{ data: { v: 1 } }]);
  });
});

describe('PostgreSQL event store beside other databases', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('es_foreign_tx');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    await new PostgresEventStore(pool).migrate();
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('is not held back by a transaction open in another database, but is by one open in its own', async () => {
    const store = new PostgresEventStore(pool);
    const start = await store.headPosition();
    const foreign = await createTestDatabase('es_foreign_other');
    const other = new pg.Client({ connectionString: foreign.url });
    await other.connect();
    const local = await pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()'); // holds an xid, as a writer elsewhere would
      await store.append(`after-foreign-${randomUUID()}`, [{ type: 'Seen', data: {}, metadata: testMetadata() }]);
      expect((await store.readAll({ after: start })).events.map((e) => e.type)).toEqual(['Seen']);

      await local.query('BEGIN');
      await local.query('SELECT pg_current_xact_id()'); // a transaction of this log's database, still open
      const held = await store.append(`after-local-${randomUUID()}`, [{ type: 'Held', data: {}, metadata: testMetadata() }]);
      expect((await store.readAll({ after: start })).events.map((e) => e.type)).toEqual(['Seen']);
      await local.query('COMMIT');
      const all = await store.readAll({ after: start });
      expect(all.events.map((e) => e.type)).toEqual(['Seen', 'Held']);
      expect(all.lastPosition).toEqual(held.lastPosition);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
      local.release();
      await foreign.drop();
    }
  });
});
