import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { call, createdId, draft, type Outcome } from './support/client.js';
import { compareWithRebuild, openInspector, settle, type Inspector } from './support/read-models.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { sleep, waitUntil } from './support/wait.js';

/** Where each projection runs, as the instance's readiness probe tells. */
async function projectionStates(service: ServiceProcess): Promise<Record<string, string>> {
  const res = await fetch(`${service.base}/health/ready`);
  const body = (await res.json()) as { details?: Record<string, unknown>; checks?: Record<string, unknown> };
  const projections = ((body.details ?? body.checks)?.projections ?? {}) as Record<string, { state?: string }>;
  return Object.fromEntries(Object.entries(projections).filter(([, v]) => typeof v === 'object' && v?.state).map(([k, v]) => [k, v.state!]));
}
const runsAll = (states: Record<string, string>) => Object.keys(states).length > 0 && Object.values(states).every((s) => s !== 'not_running_here');
const runsNone = (states: Record<string, string>) => Object.keys(states).length > 0 && Object.values(states).every((s) => s === 'not_running_here');

describe('two service processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let sql: pg.Pool;
  let first: ServiceProcess;
  let second: ServiceProcess;
  let inspector: Inspector;
  const events = async (where: string, params: unknown[] = []) =>
    Number((await sql.query(`SELECT count(*) AS n FROM es_events WHERE ${where}`, params)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('faults_replicas');
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    first = await startService('first', { databaseUrl: db.url });
    // the first instance has taken every projection before the second competes
    await waitUntil('the first instance runs every projection', async () => runsAll(await projectionStates(first)), 30_000, 100);
    second = await startService('second', { databaseUrl: db.url });
    inspector = await openInspector(db.url);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await inspector?.close();
    await sql?.end();
    await db?.drop();
  });

  it('one Idempotency-Key sent to both at once: one event, both answered with the same proposal', async () => {
    const before = await events(`type = 'ProposalDrafted'`);
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const key = `both-${randomUUID()}`;
      const send = async (service: ServiceProcess): Promise<string> => {
        for (let attempt = 0; ; attempt++) {
          const outcome: Outcome = await call(service.base, { method: 'POST', path: '/v1/proposals', body: draft(`Shared key ${i}`), headers: { 'Idempotency-Key': key } });
          // the other instance holds the key while it runs the request: 409 in flight, retry
          if (outcome.kind === 'answer' && outcome.status === 409 && attempt < 100) {
            await sleep(50);
            continue;
          }
          return createdId(outcome);
        }
      };
      const [viaFirst, viaSecond] = await Promise.all([send(first), send(second)]);
      expect(viaSecond).toBe(viaFirst);
      answers.push(viaFirst);
    }
    expect(new Set(answers).size).toBe(12);
    expect((await events(`type = 'ProposalDrafted'`)) - before).toBe(12);
  });

  it('a stale If-Match on one after a write on the other: 409 naming the current version, nothing written', async () => {
    const id = createdId(await call(first.base, { method: 'POST', path: '/v1/proposals', body: draft('Amended on both') }));
    const amend = (service: ServiceProcess, version: number, text: string) =>
      call(service.base, { method: 'PATCH', path: `/v1/proposals/${id}`, body: { users: text, reason: 'Clarified' }, headers: { 'If-Match': `"${version}"` } });

    const fresh = await amend(second, 1, 'Case workers');
    expect(fresh).toMatchObject({ kind: 'answer', status: 200 });
    const stale = await amend(first, 1, 'Citizens');
    expect(stale).toMatchObject({ kind: 'answer', status: 409, body: { currentVersion: 2 } });
    if (stale.kind === 'answer') expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    // ten writers racing with the same version on both instances: exactly one wins
    const race = await Promise.all(Array.from({ length: 10 }, (_, i) => amend(i % 2 ? first : second, 2, `Racer ${i}`)));
    const statuses = race.map((o) => (o.kind === 'answer' ? o.status : o.reason)).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    expect(await events('stream_id = $1', [`proposal-${id}`])).toBe(3);
  });

  it('the instance running the projections is SIGKILLed under writes: the other takes over from the checkpoint, every event applied once', async () => {
    expect(runsAll(await projectionStates(first))).toBe(true);
    expect(runsNone(await projectionStates(second))).toBe(true);

    const accepted: string[] = [];
    let writing = true;
    const writer = async (lane: number) => {
      for (let i = 0; writing; i++) {
        // alternate the instances; once the first is dead its requests fail and the client goes on with the other
        const target = (i + lane) % 2 === 0 && first.isRunning() ? first : second;
        const outcome = await call(target.base, { method: 'POST', path: '/v1/proposals', body: draft(`Lane ${lane} #${i}`), headers: { 'Idempotency-Key': randomUUID() } });
        if (outcome.kind === 'answer' && outcome.status === 201) accepted.push(createdId(outcome));
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));

    await waitUntil('the instances have taken 100 writes', () => accepted.length >= 100, 60_000);
    await first.kill();
    const killedAt = Date.now();
    const takeoverMs = await waitUntil('the second instance runs every projection', async () => runsAll(await projectionStates(second)), 15_000, 50);
    await waitUntil('the second instance alone has taken 100 more writes', () => accepted.length >= 200 || Date.now() - killedAt > 30_000, 60_000);
    writing = false;
    await writers;

    await settle(inspector);
    const drafted = await sql.query<{ stream_id: string }>(`SELECT stream_id FROM es_events WHERE type = 'ProposalDrafted'`);
    const logged = new Set(drafted.rows.map((r) => r.stream_id));
    expect(accepted.filter((id) => !logged.has(`proposal-${id}`))).toEqual([]);

    const comparison = await compareWithRebuild(inspector);
    const differing = comparison.filter((c) => !c.identical || c.appliedLive !== c.appliedByRebuild);
    expect(differing).toEqual([]);
    const proposals = comparison.find((c) => c.projection === 'proposal_summaries')!;
    expect(proposals.rows).toBe(drafted.rowCount);
    console.log(
      `takeover after SIGKILL: ${takeoverMs} ms; ${accepted.length} proposals accepted (${drafted.rowCount} in the log); ` +
        `${comparison.length} projections identical to a rebuild, ${comparison.reduce((a, c) => a + c.appliedLive, 0)} events applied exactly once`,
    );
    expect(takeoverMs).toBeLessThan(10_000);
  });
});
