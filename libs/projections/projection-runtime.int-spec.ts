import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '../event-store/index.js';
import { DocumentProjection } from './document-projection.js';
import type { Projection } from './projection.js';
import { ProjectionCheckpoints1764057600000 } from './migrations/1764057600000-projection-checkpoints.js';
import { ProjectionNotCaughtUpError, ProjectionRuntime } from './projection-runtime.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js';
import { testMetadata } from '../../test/support/actor.js';

@Entity('tally')
class Tally {
  @PrimaryColumn('text') id: string;
  @Column('integer') count: number;
  @Column('integer') total: number;
  @Column('text') last: string;
}

class CreateTally1700000000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE tally (id text PRIMARY KEY, count integer NOT NULL, total integer NOT NULL, last text NOT NULL)');
    await q.query('CREATE TABLE added_count (id text PRIMARY KEY, n integer NOT NULL)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE tally');
  }
}

/** Counts and sums `Added` events per stream: any double or missed application shows in the numbers. */
class TallyProjection extends DocumentProjection<Tally> {
  readonly name = 'tally';
  readonly handles = ['Added'];
  readonly tables = ['tally'];
  protected readonly entity = Tally;
  protected readonly key = 'id';
  failOn: number | null = null;
  constructor(readonly version = 1) {
    super();
  }
  protected keyOf(e: RecordedEvent) {
    return e.streamId;
  }
  protected evolve(current: Tally | null, e: RecordedEvent): Tally {
    const n = (e.data as { n: number }).n;
    if (n === this.failOn) throw new Error(`poison ${n}`);
    return { id: e.streamId, count: (current?.count ?? 0) + 1, total: (current?.total ?? 0) + n, last: e.eventId };
  }
}

/** A second, independent read model: how many `Added` events there are in all. */
class CountingProjection implements Projection {
  readonly name = 'added_count';
  readonly version = 1;
  readonly handles = ['Added'];
  readonly tables = ['added_count'];
  async apply(events: readonly RecordedEvent[], manager: EntityManager) {
    await manager.query(
      `INSERT INTO added_count (id, n) VALUES ('all', $1) ON CONFLICT (id) DO UPDATE SET n = added_count.n + excluded.n`,
      [events.length],
    );
  }
}

describe('projection runtime on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const runtimes: ProjectionRuntime[] = [];

  const newRuntime = (projection = new TallyProjection()) => {
    const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 10, batchSize: 7, retryDelayMs: 20 });
    runtime.register(projection);
    runtimes.push(runtime);
    return runtime;
  };
  const add = (stream: string, ...ns: number[]) =>
    store.append(stream, ns.map((n) => ({ type: 'Added', data: { n }, metadata: testMetadata() })));
  const tallies = async () => dataSource.query('SELECT id, count, total, last FROM tally ORDER BY id');
  const expectedTallies = async () => {
    const byStream = new Map<string, { id: string; count: number; total: number; last: string }>();
    for (let after = { commit: 0n, prepare: 0n }; ; ) {
      const batch = await store.readAll({ after, limit: 1000 });
      for (const e of batch.events.filter((x) => x.type === 'Added')) {
        const t = byStream.get(e.streamId) ?? { id: e.streamId, count: 0, total: 0, last: '' };
        byStream.set(e.streamId, { id: e.streamId, count: t.count + 1, total: t.total + (e.data as { n: number }).n, last: e.eventId });
      }
      after = batch.lastPosition;
      if (batch.isEnd) break;
    }
    return [...byStream.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    store = new PostgresEventStore(pool);
    await store.migrate();
    dataSource = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [Tally],
      migrations: [ProjectionCheckpoints1764057600000, CreateTally1700000000000],
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((r) => r.stopAll()));
  });
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await pool.end();
    await db.drop();
  });

  it('applies every event once, survives a restart and resumes exactly where it stood', async () => {
    const a = `a-${randomUUID()}`;
    const first = newRuntime();
    await first.startAll();
    const written = await add(a, 1, 2, 3);
    await first.waitFor(['tally'], written.lastPosition, 5000);
    await first.stopAll();

    await add(a, 10, 20); // written while no projector runs
    const second = newRuntime();
    await second.startAll();
    const last = await add(a, 100);
    await second.waitFor(['tally'], last.lastPosition, 5000);
    expect(await tallies()).toEqual(await expectedTallies());
    const [status] = await second.status();
    expect(status).toMatchObject({ name: 'tally', caughtUp: true, lagEvents: 0, state: 'running' });
  });

  it('moves past events it ignores in memory at once and stores that progress within the idle-checkpoint interval', async () => {
    const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 10, batchSize: 7, retryDelayMs: 20, idleCheckpointMs: 100 });
    runtime.register(new TallyProjection());
    runtimes.push(runtime);
    await runtime.startAll();
    const stored = async () => (await dataSource.query(`SELECT commit_position, prepare_position FROM projection_checkpoints WHERE name = 'tally'`))[0];
    const before = await stored();
    const ignored = await store.append(`other-${randomUUID()}`, [{ type: 'Ignored', data: {}, metadata: testMetadata() }]);
    await runtime.waitFor(['tally'], ignored.lastPosition, 5000); // read-your-writes does not wait for the write
    for (const deadline = Date.now() + 5000; JSON.stringify(await stored()) === JSON.stringify(before); ) {
      if (Date.now() > deadline) throw new Error('the idle progress was never stored');
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = await stored();
    expect(BigInt(after.prepare_position)).toBeGreaterThanOrEqual(ignored.lastPosition.prepare);
    // and a batch to apply right after still goes through the compare-and-set
    const applied = await add(`after-idle-${randomUUID()}`, 4);
    await runtime.waitFor(['tally'], applied.lastPosition, 5000);
    expect(await tallies()).toEqual(await expectedTallies());
  });

  it('stores the idle progress of every projection in one statement per interval, not one transaction each', async () => {
    const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 10, batchSize: 7, retryDelayMs: 20, idleCheckpointMs: 100 });
    runtime.register(new TallyProjection());
    runtime.register(new CountingProjection());
    runtimes.push(runtime);
    await runtime.startAll();
    const ignored = await store.append(`other-${randomUUID()}`, [{ type: 'Ignored', data: {}, metadata: testMetadata() }]);
    const stored = async () =>
      (await dataSource.query(`SELECT name, prepare_position, updated_at::text AS updated_at FROM projection_checkpoints WHERE name IN ('tally', 'added_count') ORDER BY name`)) as {
        name: string;
        prepare_position: string;
        updated_at: string;
      }[];
    for (const deadline = Date.now() + 5000; (await stored()).some((c) => BigInt(c.prepare_position) < ignored.lastPosition.prepare); ) {
      if (Date.now() > deadline) throw new Error('the idle progress was never stored');
      await new Promise((r) => setTimeout(r, 20));
    }
    const [counting, tally] = await stored();
    // now() is the transaction's start, to the microsecond: the same instant for both means one statement wrote both
    expect(counting.updated_at).toBe(tally.updated_at);
  });

  it('rolls back a failing batch whole, reports the error, and carries on once the cause is gone', async () => {
    const projection = new TallyProjection();
    projection.failOn = 666;
    const runtime = newRuntime(projection);
    await runtime.startAll();
    const s = `poison-${randomUUID()}`;
    const before = await expectedTallies();
    const written = await add(s, 5, 666, 7);
    await expect(runtime.waitFor(['tally'], written.lastPosition, 300)).rejects.toBeInstanceOf(ProjectionNotCaughtUpError);
    const [failing] = await runtime.status();
    expect(failing.lastError).toMatch(/poison 666/);
    expect(failing.caughtUp).toBe(false);
    expect(await tallies()).toEqual(before); // the 5 of the same batch was not applied either
    projection.failOn = null;
    await runtime.waitFor(['tally'], written.lastPosition, 5000);
    expect(await tallies()).toEqual(await expectedTallies());
  });

  it('runs several projections independently: one stuck on a poison event does not hold back another', async () => {
    const stuck = new TallyProjection();
    stuck.failOn = 999;
    const other = new CountingProjection();
    const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 10, batchSize: 7, retryDelayMs: 20 });
    runtime.register(stuck);
    runtime.register(other);
    runtimes.push(runtime);
    await runtime.startAll();
    const written = await add(`indep-${randomUUID()}`, 1, 999);
    await runtime.waitFor(['added_count'], written.lastPosition, 5000);
    await expect(runtime.waitFor(['tally'], written.lastPosition, 200)).rejects.toBeInstanceOf(ProjectionNotCaughtUpError);
    const byName = Object.fromEntries((await runtime.status()).map((s) => [s.name, s]));
    expect(byName.added_count).toMatchObject({ caughtUp: true, lastError: null });
    expect(byName.tally).toMatchObject({ caughtUp: false, state: 'failing' });
    const [{ n }] = await dataSource.query(`SELECT n FROM added_count WHERE id = 'all'`);
    const all = (await expectedTallies()).reduce((sum, t) => sum + t.count, 0);
    expect(n).toBe(all);
    stuck.failOn = null;
    await runtime.waitFor(['tally'], written.lastPosition, 5000);
    expect(await tallies()).toEqual(await expectedTallies());
  });

  it('never applies a batch twice when two instances run the same projection', async () => {
    const one = newRuntime();
    const two = newRuntime();
    await Promise.all([one.startAll(), two.startAll()]);
    const streams = Array.from({ length: 5 }, () => `dup-${randomUUID()}`);
    let last = await add(streams[0], 1);
    for (let i = 0; i < 40; i++) last = await add(streams[i % 5], i);
    await one.waitFor(['tally'], last.lastPosition, 10_000);
    await two.waitFor(['tally'], last.lastPosition, 10_000);
    expect(await tallies()).toEqual(await expectedTallies());
  });

  it('rebuilds from zero to the identical read model while the live one keeps answering', async () => {
    const runtime = newRuntime();
    await runtime.startAll();
    for (let i = 0; i < 30; i++) await add(`r-${i % 4}-${randomUUID().slice(0, 4)}`, i);
    const last = await add(`r-last`, 1);
    await runtime.waitFor(['tally'], last.lastPosition, 5000);
    const live = await tallies();

    const progress: number[] = [];
    const result = await runtime.rebuild('tally', { batchSize: 5, onProgress: (p) => progress.push(p.events) });
    expect(result.done).toBe(true);
    expect(result.events).toBeGreaterThan(30);
    expect(await tallies()).toEqual(live);
    expect(await tallies()).toEqual(await expectedTallies());
    const after = await add('r-last', 2); // the live runner resumed after the swap
    await runtime.waitFor(['tally'], after.lastPosition, 5000);
    expect(await tallies()).toEqual(await expectedTallies());
    const schemas = await dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`);
    expect(schemas).toEqual([]);
  });

  it('rebuilds on start when the projection version changed', async () => {
    // scramble the live table so that only a real rebuild can restore it
    await dataSource.query('UPDATE tally SET total = -1');
    const runtime = newRuntime(new TallyProjection(2));
    await runtime.startAll();
    const deadline = Date.now() + 10_000;
    while ((await runtime.status())[0].version !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await tallies()).toEqual(await expectedTallies());
  });
});
