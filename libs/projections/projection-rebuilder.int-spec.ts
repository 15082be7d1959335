import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '../event-store/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js';
import { testMetadata } from '../../test/support/actor.js';
import { checkpoints } from './checkpoint-store.js';
import { ProjectionCheckpoints1764057600000 } from './migrations/1764057600000-projection-checkpoints.js';
import type { Projection } from './projection.js';
import { ProjectionRebuilder } from './projection-rebuilder.js';

/** One row per name, upserted through a unique index (not a constraint), with a named index and a check. */
class NamesProjection implements Projection {
  readonly name = 'names';
  readonly version = 1;
  readonly handles = ['Named'];
  readonly tables = ['names'];
  async apply(events: readonly RecordedEvent[], manager: EntityManager) {
    for (const e of events) {
      await manager.query(
        `INSERT INTO names (name, seen) VALUES ($1, 1) ON CONFLICT (lower(name)) DO UPDATE SET seen = names.seen + 1`,
        [(e.data as { name: string }).name],
      );
    }
  }
}

const NAMES_TABLE = `CREATE TABLE names (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  seen integer NOT NULL CONSTRAINT names_seen_positive CHECK (seen > 0))`;

describe('ProjectionRebuilder on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('rebuilder');
    pool = new pg.Pool({ connectionString: db.url, max: 5 });
    store = new PostgresEventStore(pool);
    await store.migrate();
    dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: [ProjectionCheckpoints1764057600000] });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(NAMES_TABLE);
    await dataSource.query('CREATE UNIQUE INDEX names_by_lower_name ON names (lower(name))');
    await dataSource.query('CREATE INDEX names_by_seen ON names (seen DESC) WHERE seen > 1');
    await dataSource.query('GRANT SELECT ON names TO PUBLIC'); // as a reporting role might be given
    for (const name of ['Ada', 'ada', 'Grace', 'Edsger', 'grace', 'ADA']) {
      await store.append(`person-${name}`, [{ type: 'Named', data: { name }, metadata: testMetadata() }]);
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await pool?.end();
    await db?.drop();
  });

  it('swaps in a table that keeps the live one’s indexes, constraints and durability, so later migrations still apply', async () => {
    const result = await new ProjectionRebuilder(store, dataSource).rebuild(new NamesProjection(), { batchSize: 2 });

    expect(result.events).toBe(6);
    expect(await dataSource.query('SELECT lower(name) AS name, seen FROM names ORDER BY 1')).toEqual([
      { name: 'ada', seen: 3 },
      { name: 'edsger', seen: 1 },
      { name: 'grace', seen: 2 },
    ]);
    const [table] = await dataSource.query(`SELECT relpersistence, relnamespace::regnamespace::text AS schema FROM pg_class WHERE oid = 'names'::regclass`);
    expect(table).toEqual({ relpersistence: 'p', schema: 'public' });
    const indexes = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'names' ORDER BY 1`);
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual(['names_by_lower_name', 'names_by_seen', 'names_pkey']);
    expect(indexes[1].indexdef).toContain('(seen DESC) WHERE (seen > 1)');
    await expect(dataSource.query(`INSERT INTO names (name, seen) VALUES ('x', 0)`)).rejects.toThrow(/names_seen_positive/);
    const [{ granted }] = await dataSource.query(`SELECT array_agg(a.privilege_type) AS granted FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = 'names'::regclass AND a.grantee = 0`);
    expect(granted).toEqual(['SELECT']);
    // what a later migration does, by the names the first one gave
    await dataSource.query('ALTER TABLE names DROP CONSTRAINT names_seen_positive');
    await dataSource.query('DROP INDEX names_by_seen');
    await dataSource.query(`INSERT INTO names (name, seen) VALUES ('Barbara', 1)`); // the identity column goes on counting
    expect((await checkpoints.load(dataSource.manager, 'names'))?.eventsApplied).toBe(6);
    expect(await dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`)).toEqual([]);
  });

  it('refuses, changing nothing, to swap out a table with a trigger that a copy would lose', async () => {
    await dataSource.query(`CREATE FUNCTION names_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
    await dataSource.query('CREATE TRIGGER names_touch BEFORE UPDATE ON names FOR EACH ROW EXECUTE FUNCTION names_touch()');
    const before = await dataSource.query('SELECT * FROM names ORDER BY id');
    await expect(new ProjectionRebuilder(store, dataSource).rebuild(new NamesProjection())).rejects.toThrow(/has triggers/);
    expect(await dataSource.query('SELECT * FROM names ORDER BY id')).toEqual(before);
  });
});
