import { afterEach, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import request from 'supertest';
import { PostgresEventStore } from '../../libs/event-store/index.js';
import { IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE } from '../../libs/platform/database-faults/index.js';
import { PG_POOL } from '../../libs/platform/index.js';
import { generateProposal } from '../../bench/support/proposal-events.js';
import { testMetadata } from '../support/actor.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { waitUntil } from './support/wait.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');

/** The service booted with `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS` as given (unset: its default). */
async function serviceWithIdleTimeout(value: string | undefined): Promise<TestApp> {
  const before = process.env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE];
  if (value === undefined) delete process.env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE];
  else process.env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE] = value;
  try {
    return await startTestApp('faults_long_tx');
  } finally {
    if (before === undefined) delete process.env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE];
    else process.env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE] = before;
  }
}

/**
 * A request of the service stuck in the middle of its transaction: a connection of the service's own pool that has
 * appended a proposal's draft and then waits, holding its transaction open.
 */
async function holdTransaction(t: TestApp, seed: string): Promise<{ client: pg.PoolClient; proposalId: string; errors: Error[] }> {
  const client = await t.app.get<pg.Pool>(PG_POOL).connect();
  const errors: Error[] = [];
  client.on('error', (error) => errors.push(error)); // the server may end the session under it
  const held = generateProposal(0, seed, 'herning');
  await client.query('BEGIN');
  await new PostgresEventStore(client as unknown as pg.Pool).append(
    `proposal-${held.proposalId}`,
    [{ type: held.events[0].type, data: held.events[0].data, metadata: testMetadata() }],
    { expectedVersion: 'no_stream' },
  );
  return { client, proposalId: held.proposalId, errors };
}

describe('a long-running transaction holding back the global log', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const draftAfter = async () => {
    const res = await request(t!.server).post('/v1/proposals').set(herning).send({ title: 'Written after the open transaction', departmentId: 'finance' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, position: res.headers['x-log-position'] as string };
  };
  const listAt = (position: string) => request(t!.server).get('/v1/proposals?limit=100').set(herning).set('X-Min-Position', position);
  const listed = (res: request.Response) => (res.body.items as { id: string }[]).map((p) => p.id);

  it('subscribers wait for it rather than skip it: what committed later is projected only after it, and both are', async () => {
    t = await serviceWithIdleTimeout(undefined);
    const held = await holdTransaction(t, 'held-then-committed');
    const later = await draftAfter();

    // the later write is committed, yet the read model does not pass the open transaction (the read waits its 2 s bound)
    const waiting = await listAt(later.position);
    expect(waiting.status).toBe(503);
    expect(waiting.headers['retry-after']).toBe('1');

    await held.client.query('COMMIT');
    held.client.release();
    const both = await listAt(later.position);
    expect(both.status).toBe(200);
    expect(listed(both)).toEqual(expect.arrayContaining([held.proposalId, later.id]));
  });

  it('the idle-transaction timeout bounds the wait: the stuck session is ended, its write rolled back, the rest projected', async () => {
    const boundMs = 1_500;
    t = await serviceWithIdleTimeout(String(boundMs));
    const held = await holdTransaction(t, 'held-then-abandoned');
    const heldSince = Date.now();
    const later = await draftAfter();

    const waitedMs = await waitUntil('the read model reaches the later write', async () => (await listAt(later.position)).status === 200, boundMs + 10_000, 50);
    const sinceHeld = Date.now() - heldSince;
    expect(sinceHeld).toBeGreaterThanOrEqual(boundMs * 0.9); // it did wait for the transaction, not skip it
    expect(sinceHeld).toBeLessThan(boundMs + 8_000); // and no longer than the bound (plus a poll and a read)

    await expect(held.client.query('SELECT 1')).rejects.toThrow();
    held.client.release(true);
    const after = await listAt(later.position);
    expect(listed(after)).toContain(later.id);
    expect(listed(after)).not.toContain(held.proposalId);
    const { rows } = await t.app.get<pg.Pool>(PG_POOL).query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [`proposal-${held.proposalId}`]);
    expect(rows[0].n).toBe(0);
    console.log(`idle-in-transaction bound ${boundMs} ms: the later write was projected ${sinceHeld} ms after the transaction stalled (polled for ${waitedMs} ms)`);
  });
});
