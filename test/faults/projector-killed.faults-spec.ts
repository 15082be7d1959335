import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresEventStore } from '../../libs/event-store/index.js';
import { loadProposalLog } from '../../bench/support/proposal-log.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { compareWithRebuild, openInspector, settle, type Inspector } from './support/read-models.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { waitUntil } from './support/wait.js';

/** A transaction of the service that has written and not committed: a projection batch (or an append) in progress. */
const OPEN_WRITE = `
  SELECT left(query, 80) AS query, state FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
    AND state IN ('active', 'idle in transaction')`;

describe('the projector killed mid-batch', () => {
  let db: TestDatabase;
  let sql: pg.Pool;
  let inspector: Inspector;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('faults_projector');
    sql = new pg.Pool({ connectionString: db.url, max: 4 });
    inspector = await openInspector(db.url); // migrates the schema; runs no projection
    // a backlog for the projections to work through in many batches: 1,000 proposals drafted, amended, submitted
    await loadProposalLog(new PostgresEventStore(sql), 1_000, 2, 'faults-projector');
  }, 240_000);

  afterAll(async () => {
    for (const service of services) await service.stop();
    await inspector?.close();
    await sql?.end();
    await db?.drop();
  });

  it('SIGKILL while a batch is open, twice: after restart the read model equals a clean rebuild, every event applied once', async () => {
    const caught: string[] = [];
    for (let crash = 1; crash <= 2; crash++) {
      const service = await startService(`projector-${crash}`, { databaseUrl: db.url });
      services.push(service);
      // kill the moment a write transaction of the service is open, once the projections are under way
      await waitUntil(
        'a projection batch is open',
        async () => {
          const { rows } = await sql.query<{ query: string; state: string }>(OPEN_WRITE);
          if (rows.length === 0) return false;
          const [{ applied }] = (await sql.query('SELECT coalesce(sum(events_applied), 0)::int AS applied FROM projection_checkpoints')).rows;
          if (applied === 0) return false;
          caught.push(`${rows[0].state}: ${rows[0].query.replace(/\s+/g, ' ')} (${applied} events applied before)`);
          return true;
        },
        60_000,
        2,
      );
      await service.kill();
      // the server sees the killed process's sockets close and rolls its transactions back
      await waitUntil('the killed sessions are gone', async () => (await sql.query(OPEN_WRITE)).rowCount === 0, 10_000);
    }

    const head = await inspector.store.headPosition();
    const [{ behind }] = (await sql.query<{ behind: number }>(
      'SELECT count(*)::int AS behind FROM projection_checkpoints WHERE (commit_position, prepare_position) < ($1::bigint, $2::bigint)',
      [head.commit.toString(), head.prepare.toString()],
    )).rows;
    expect(behind).toBeGreaterThan(0); // the crashes did leave work undone

    services.push(await startService('projector-restarted', { databaseUrl: db.url }));
    await settle(inspector, 120_000);
    const comparison = await compareWithRebuild(inspector);
    expect(comparison.filter((c) => !c.identical || c.appliedLive !== c.appliedByRebuild)).toEqual([]);
    expect(comparison.find((c) => c.projection === 'proposal_summaries')?.rows).toBe(1_000);
    console.log(`killed with open write transactions:\n  ${caught.join('\n  ')}\nafter restart ${comparison.length} projections equal a clean rebuild (${comparison.reduce((a, c) => a + c.appliedLive, 0)} events applied)`);
  });
});
