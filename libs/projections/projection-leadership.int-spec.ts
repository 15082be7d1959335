import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '../event-store/index.js';
import { ProjectionCheckpoints1764057600000 } from './migrations/1764057600000-projection-checkpoints.js';
import type { Projection } from './projection.js';
import { AdvisoryLockLeadership } from './projection-leadership.js';
import { ProjectionRuntime } from './projection-runtime.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js';
import { testMetadata } from '../../test/support/actor.js';

class CreateApplied1700000000001 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE applied (event_id uuid PRIMARY KEY, times integer NOT NULL)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE applied');
  }
}

/** Records how often each event was applied: anything but exactly once shows. */
class AppliedProjection implements Projection {
  readonly name = 'applied';
  readonly version = 1;
  readonly handles = ['Tick'];
  readonly tables = ['applied'];
  async apply(events: readonly RecordedEvent[], manager: EntityManager) {
    await manager.query(
      `INSERT INTO applied (event_id, times) SELECT unnest($1::uuid[]), 1 ON CONFLICT (event_id) DO UPDATE SET times = applied.times + 1`,
      [events.map((e) => e.eventId)],
    );
  }
}

describe('projection leadership by advisory lock (several instances on one PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the takeovers below are expected; their log lines are noise here
    db = await createTestDatabase('leadership');
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
    store = new PostgresEventStore(pool);
    await store.migrate();
    dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: [ProjectionCheckpoints1764057600000, CreateApplied1700000000001] });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await pool.end();
    await db.drop();
  });

  const instance = () => {
    const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 20, batchSize: 50 }, new AdvisoryLockLeadership(db.url, { retryMs: 100 }));
    runtime.register(new AppliedProjection());
    return runtime;
  };
  const tick = (n: number) => store.append(`ticks-${randomUUID()}`, Array.from({ length: n }, () => ({ type: 'Tick', data: {}, metadata: testMetadata() })));
  const waitUntil = async (what: string, condition: () => boolean | Promise<boolean>, ms = 10_000) => {
    for (const deadline = Date.now() + ms; !(await condition()); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    }
  };

  it('runs each projection on one instance; one that loses its lock session stops it, and nothing is applied twice', async () => {
    const one = instance();
    const two = instance();
    try {
      await one.startAll();
      await two.startAll();
      expect([one.runningHere().has('applied'), two.runningHere().has('applied')].sort()).toEqual([false, true]);
      const leader = one.runningHere().has('applied') ? one : two;

      await tick(30);
      const beforeCrash = await tick(20);
      await leader.waitFor(['applied'], beforeCrash.lastPosition, 10_000);

      // the leader's session ends as a killed process's would: PostgreSQL releases its locks, the leader must stop
      const stopped = new Promise<void>((resolve) => {
        const check = setInterval(() => !leader.runningHere().has('applied') && (clearInterval(check), resolve()), 1);
      });
      await pool.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
      );
      await stopped;
      const afterCrash = await tick(25);
      await waitUntil('exactly one instance runs the projection again', () => Number(one.runningHere().has('applied')) + Number(two.runningHere().has('applied')) === 1);
      const next = one.runningHere().has('applied') ? one : two;
      await next.waitFor(['applied'], afterCrash.lastPosition, 10_000);
      const rows = await dataSource.query('SELECT count(*)::int AS events, max(times) AS most FROM applied');
      expect(rows[0]).toEqual({ events: 75, most: 1 });
    } finally {
      await one.stopAll();
      await two.stopAll();
    }
  });

  it('hands a projection over on a clean stop, from the stored checkpoint', async () => {
    const one = instance();
    await one.startAll();
    const two = instance();
    await two.startAll();
    await new Promise((r) => setTimeout(r, 300)); // a few rounds in which the second could have taken it
    expect(one.runningHere().has('applied')).toBe(true);
    expect(two.runningHere().has('applied')).toBe(false);
    const written = await tick(10);
    await one.waitFor(['applied'], written.lastPosition, 10_000);
    await one.stopAll();
    await waitUntil('the second instance runs it', () => two.runningHere().has('applied'));
    const later = await tick(10);
    await two.waitFor(['applied'], later.lastPosition, 10_000);
    const [{ most }] = await dataSource.query('SELECT max(times) AS most FROM applied');
    expect(most).toBe(1);
    await two.stopAll();
    expect(two.runningHere().size).toBe(0);
  });
});
