import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { organisationHistory, type Command } from '../../../bench/as-of.js';
import { useServerEventStore } from '../../../test/support/event-store.js';
import { EVENT_ORGANISATION_SQL } from '../../audit/application/event-organisation.js';
import { AUDIT_MIGRATIONS } from '../../audit/migrations.js';
import { formatLogPosition, type LogPosition } from '../../event-store/index.js';
import { TIME_TRAVEL_MIGRATIONS } from '../migrations.js';
import type { LogPoint } from './log-point.resolver.js';
import { PortfolioHistory } from './portfolio-history.js';
import { PORTFOLIO_HISTORY_EVENT_TYPES } from './portfolio-history.state.js';
import { PortfolioSnapshotKeeper, SNAPSHOT_KEEPER_LOCK } from './portfolio-snapshot-keeper.js';

interface SnapshotRow {
  events_folded: string;
  position_commit: string;
  position_prepare: string;
  state: unknown;
}

const plain = (state: unknown) => JSON.parse(JSON.stringify(state)) as unknown;
const pointAt = (position: LogPosition): LogPoint => ({ position, at: new Date(), text: formatLogPosition(position) });

describe('PortfolioSnapshotKeeper', () => {
  const server = useServerEventStore('time_travel_keeper', 6);
  let organisations = 0;

  beforeAll(async () => {
    const dataSource = new DataSource({ type: 'postgres', url: server.db.url, migrations: [...AUDIT_MIGRATIONS, ...TIME_TRAVEL_MIGRATIONS], migrationsRun: true, migrationsTransactionMode: 'each', logging: ['error'] });
    await dataSource.initialize();
    await dataSource.destroy();
  });

  /** New organisations' histories, interleaved at random (each in its own order), as the bench writes them. */
  const histories = (count: number, proposals: number, seed: number) => {
    const ids = Array.from({ length: count }, () => organisations++);
    const queues = ids.map((i) => organisationHistory(i, proposals));
    const commands: Command[] = [];
    let s = seed;
    while (queues.some((q) => q.length)) {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      const open = queues.filter((q) => q.length);
      commands.push(open[s % open.length].shift()!);
    }
    return { organisationIds: ids.map((i) => `org-${i}`), commands };
  };
  const append = async (commands: readonly Command[]) => {
    for (const c of commands) await server.store.append(c.streamId, c.events, { expectedVersion: 'any' });
  };
  const snapshotsOf = async (organisationId: string) =>
    (
      await server.pool.query<SnapshotRow>(
        'SELECT events_folded::text, position_commit::text, position_prepare::text, state FROM time_travel_portfolio_snapshots WHERE organisation_id = $1 ORDER BY time_travel_portfolio_snapshots.events_folded',
        [organisationId],
      )
    ).rows;
  const eventPositions = async (organisationId: string) =>
    (
      await server.pool.query<{ tx: string; gp: string }>(
        `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events WHERE ${EVENT_ORGANISATION_SQL} = $1 AND type = ANY ($2::text[]) ORDER BY transaction_id, global_position`,
        [organisationId, PORTFOLIO_HISTORY_EVENT_TYPES],
      )
    ).rows.map((r) => ({ commit: BigInt(r.tx), prepare: BigInt(r.gp) }));

  it('cuts, while the log grows, every snapshot due and exactly the ones a read cuts; answers are the same without them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 20 }),
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        async (count, proposals, interval, seed, roundsAt) => {
          const { organisationIds, commands } = histories(count, proposals, seed);
          const keeper = new PortfolioSnapshotKeeper(server.pool, server.store, new PortfolioHistory(server.pool, interval), { periodMs: 0 });
          // rounds in the middle of the writing, then one after it
          const cuts = [...new Set(roundsAt.map((f) => Math.floor(f * commands.length)))].sort((a, b) => a - b);
          let written = 0;
          for (const cut of [...cuts, commands.length]) {
            await append(commands.slice(written, cut));
            written = cut;
            expect(await keeper.round()).not.toBeNull();
          }
          const head = await server.store.headPosition();
          for (const organisationId of organisationIds) {
            const positions = await eventPositions(organisationId);
            const kept = await snapshotsOf(organisationId);
            // every snapshot due, each right after its interval-th event
            const due = Array.from({ length: Math.floor(positions.length / interval) }, (_, i) => (i + 1) * interval);
            expect(kept.map((s) => Number(s.events_folded))).toEqual(due);
            expect(kept.map((s) => `${s.position_commit}.${s.position_prepare}`)).toEqual(due.map((n) => formatLogPosition(positions[n - 1])));

            // the answers at every event of the organisation, from the snapshots and without them
            // (an interval no read reaches: these reads cut nothing of their own)
            const uncached = new PortfolioHistory(server.pool, Number.MAX_SAFE_INTEGER);
            const fromSnapshots = await Promise.all(positions.map((p) => uncached.stateAt(organisationId, pointAt(p))));
            await server.pool.query('DELETE FROM time_travel_portfolio_snapshots WHERE organisation_id = $1', [organisationId]);
            for (const [i, p] of positions.entries()) expect(plain(fromSnapshots[i])).toEqual(plain(await uncached.stateAt(organisationId, pointAt(p))));

            // a read from the start cuts the same snapshots, states included
            const lazy = new PortfolioHistory(server.pool, interval);
            await lazy.stateAt(organisationId, pointAt(head));
            await lazy.whenSaved();
            expect(await snapshotsOf(organisationId)).toEqual(kept);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('leaves the work to the instance holding the lock, and resumes from its checkpoint', async () => {
    const { organisationIds, commands } = histories(1, 4, 7);
    await append(commands);
    const keeper = new PortfolioSnapshotKeeper(server.pool, server.store, new PortfolioHistory(server.pool, 5), { periodMs: 0 });
    const other = await server.pool.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', [...SNAPSHOT_KEEPER_LOCK]);
      expect(await keeper.round()).toBeNull();
      expect(await snapshotsOf(organisationIds[0])).toEqual([]);
      await other.query('SELECT pg_advisory_unlock($1, $2)', [...SNAPSHOT_KEEPER_LOCK]);
    } finally {
      other.release();
    }
    const first = await keeper.round();
    expect(first?.snapshots).toBeGreaterThan(0);
    expect(first?.caughtUpTo).toEqual(await server.store.headPosition());
    // nothing new: the next round starts at the head and cuts nothing
    expect(await keeper.round()).toEqual({ snapshots: 0, caughtUpTo: first?.caughtUpTo });
  });

  it('runs by itself every period once the application is up, and stops with it', async () => {
    const { organisationIds, commands } = histories(1, 4, 11);
    const keeper = new PortfolioSnapshotKeeper(server.pool, server.store, new PortfolioHistory(server.pool, 6), { periodMs: 20 });
    keeper.onApplicationBootstrap();
    try {
      await append(commands);
      for (let waited = 0; (await snapshotsOf(organisationIds[0])).length === 0; waited += 20) {
        if (waited > 10_000) throw new Error('the keeper cut no snapshot');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await keeper.beforeApplicationShutdown();
    }
    expect((await snapshotsOf(organisationIds[0])).length).toBeGreaterThan(0);
  });
});
