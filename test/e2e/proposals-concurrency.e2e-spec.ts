import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, listAll, read, sentinelPosition, SUBMITTABLE } from '../support/proposals.js';

const N = 8;
const h = actorHeaders();

describe('concurrent requests over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_concurrency');
  });
  afterAll(async () => t?.close());

  const history = async (id: string) => (await http().get(`/v1/proposals/${id}/history`).set(h)).body.events as { version: number; type: string; changes: { field: string; to: unknown }[] }[];

  it(`lets exactly one of ${N} parallel amendments with the same If-Match win, round after round`, async () => {
    const created = await draft(t, { title: 'Contested', departmentId: 'it' });
    const id = created.body.id;

    for (let round = 1; round <= 3; round++) {
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', `"${round}"`).send({ title: `Round ${round}, writer ${i}` }),
        ),
      );
      const winners = results.filter((r) => r.status === 200);
      const losers = results.filter((r) => r.status !== 200);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(N - 1);
      for (const r of losers) {
        expectProblem(r, 409);
        expect(r.body.currentVersion).toBe(round + 1);
      }
      const winner = winners[0];
      expect(winner.headers.etag).toBe(`"${round + 1}"`);

      const now = await read(t, id);
      expect(now.etag).toBe(`"${round + 1}"`);
      expect(now.body.form.title).toBe(winner.body.form.title);
    }

    const events = await history(id);
    expect(events.map((e) => [e.version, e.type])).toEqual([
      [1, 'ProposalDrafted'],
      [2, 'ProposalAmended'],
      [3, 'ProposalAmended'],
      [4, 'ProposalAmended'],
    ]);
    expect(events.slice(1).map((e) => e.changes.map((c) => c.field))).toEqual([['title'], ['title'], ['title']]);
    expect(events.slice(1).map((e) => String(e.changes[0].to))).toEqual([
      expect.stringMatching(/^Round 1, writer \d$/),
      expect.stringMatching(/^Round 2, writer \d$/),
      expect.stringMatching(/^Round 3, writer \d$/),
    ]);
  });

  it(`never loses one of ${N} parallel amendments sent with If-Match: *: each is applied or refused with 409`, async () => {
    const created = await draft(t, { title: 'Crowded', departmentId: 'it' });
    const id = created.body.id;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '*').send({ summary: `writer ${i}` })),
    );
    // each is either applied or refused as a conflict; whatever was answered 200 is in the history
    for (const r of results) expect([200, 409]).toContain(r.status);
    const applied = results.filter((r) => r.status === 200);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const versions = applied.map((r) => r.body.version).sort((a: number, b: number) => a - b);
    expect(new Set(versions).size).toBe(applied.length);
    const events = await history(id);
    expect(events).toHaveLength(1 + applied.length);
    expect((await read(t, id)).etag).toBe(`"${1 + applied.length}"`);
  });

  it(`submits once when ${N} submissions race, and withdraws once when ${N} withdrawals race`, async () => {
    const created = await draft(t, { ...SUBMITTABLE, title: 'Raced', departmentId: 'it' });
    const id = created.body.id;

    const submits = await Promise.all(Array.from({ length: N }, () => http().post(`/v1/proposals/${id}/submit`).set(h)));
    expect(submits.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of submits.filter((r) => r.status !== 200)) expectProblem(r, 409);

    const withdrawals = await Promise.all(
      Array.from({ length: N }, (_, i) => http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: `reason ${i}` })),
    );
    const withdrawn = withdrawals.filter((r) => r.status === 200);
    expect(withdrawn).toHaveLength(1);
    for (const r of withdrawals.filter((r) => r.status !== 200)) expectProblem(r, 409);

    const events = await history(id);
    expect(events.map((e) => e.type)).toEqual(['ProposalDrafted', 'ProposalSubmitted', 'ProposalWithdrawn']);
    expect((await read(t, id)).body.withdrawalReason).toBe(withdrawn[0].body.withdrawalReason);
  });

  it(`creates one proposal from ${N} parallel POSTs with the same Idempotency-Key, never two`, async () => {
    const dept = 'idempotent-race';
    const body = { title: 'Sent by an impatient client', departmentId: dept };
    const results = await Promise.all(
      Array.from({ length: N }, () => http().post('/v1/proposals').set(h).set('Idempotency-Key', 'race-key-1').send(body)),
    );

    for (const r of results) expect([201, 409]).toContain(r.status);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(created.map((r) => r.headers.location)).size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 409)) {
      expectProblem(r, 409);
      expect(r.body.type).toBe('urn:problem-type:idempotency-key-in-flight');
      expect(r.headers['retry-after']).toBe('1');
    }

    // a retry after the race replays the one proposal
    const retry = await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'race-key-1').send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(created[0].body.id);

    const listed = await listAll(t, { departmentId: dept }, h, await sentinelPosition(t));
    expect(listed.map((p) => p.id)).toEqual([created[0].body.id]);
  });

  it(`creates ${N} proposals from ${N} parallel POSTs with different keys or none`, async () => {
    const dept = 'parallel-creates';
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const req = http().post('/v1/proposals').set(h);
        if (i % 2 === 0) req.set('Idempotency-Key', `distinct-key-${i}`);
        return req.send({ title: `Parallel ${i}`, departmentId: dept });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
    const ids = results.map((r) => r.body.id);
    expect(new Set(ids).size).toBe(N);
    const listed = await listAll(t, { departmentId: dept }, h, await sentinelPosition(t));
    expect(listed.map((p) => p.id).sort()).toEqual([...ids].sort());
  });
});
