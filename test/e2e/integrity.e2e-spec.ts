import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { SUBMITTABLE, draft, expectProblem } from '../support/proposals.js';

const auditor = actorHeaders('ida@herning.dk', 'herning', 'auditor');
const programmeOffice = actorHeaders('anna@herning.dk', 'herning', 'programme_office');

describe('event log integrity over HTTP: digests and verification', () => {
  let t: TestApp;
  let db: pg.Pool;
  const http = () => request(t.server);
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  /** A database superuser at work, with the append-only triggers off. */
  async function asSuperuser(sql: string, values: unknown[] = []) {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(sql, values);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_integrity');
    db = new pg.Pool({ connectionString: t.db.url, max: 2 });
    for (const title of ['Parking permits self-service', 'Case management replacement']) await draft(t, { ...SUBMITTABLE, title, departmentId: 'citizen-service' }, programmeOffice);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('has no digest before the first is recorded: 404 problem', async () => {
    expectProblem(await http().get('/v1/integrity/digests/latest').set(auditor), 404);
    expect((await http().get('/v1/integrity/digests').set(auditor)).body).toEqual({ items: [], nextCursor: null, limit: 20 });
  });

  it('records a digest on demand: 201 with the heads and their SHA-256; 200 with the same one while the log stands still', async () => {
    const res = await http().post('/v1/integrity/digests').set(auditor);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/integrity/digests/${res.body.sequence}`);
    const heads = JSON.parse(res.body.canonicalHeads) as [string, number, string][];
    expect(res.body).toMatchObject({ sequence: 1, recordedBy: 'ida@herning.dk', algorithm: 'SHA-256', streams: heads.length, events: await count('es_events') });
    expect(res.body.position).toMatch(/^\d+\.\d+$/);
    const { createHash } = await import('node:crypto');
    expect(res.body.digest).toBe(createHash('sha256').update(res.body.canonicalHeads, 'utf8').digest('hex'));

    const again = await http().post('/v1/integrity/digests').set(auditor);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect((await http().get('/v1/integrity/digests/latest').set(auditor)).body).toEqual(res.body);
    expect((await http().get('/v1/integrity/digests/1').set(auditor)).body).toEqual(res.body);
  });

  it('lists digests newest first, without heads, a page at a time', async () => {
    await draft(t, { ...SUBMITTABLE, title: 'Another one', departmentId: 'citizen-service' }, programmeOffice);
    expect((await http().post('/v1/integrity/digests').set(auditor)).status).toBe(201);
    const first = await http().get('/v1/integrity/digests?limit=1').set(auditor);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ items: [{ sequence: 2 }], nextCursor: '2', limit: 1 });
    expect(first.body.items[0]).not.toHaveProperty('canonicalHeads');
    expect(first.headers.link).toBe('</v1/integrity/digests?limit=1&cursor=2>; rel="next"');
    const second = await http().get('/v1/integrity/digests?limit=1&cursor=2').set(auditor);
    expect(second.body).toMatchObject({ items: [{ sequence: 1, recordedBy: 'ida@herning.dk' }], nextCursor: null });
  });

  it('answers bad list and digest requests with problems', async () => {
    expectProblem(await http().get('/v1/integrity/digests?limit=0').set(auditor), 400, ['limit']);
    expectProblem(await http().get('/v1/integrity/digests?cursor=abc').set(auditor), 400, ['cursor']);
    expectProblem(await http().get('/v1/integrity/digests/999').set(auditor), 404);
    expectProblem(await http().get('/v1/integrity/digests/first').set(auditor), 404, ['sequence']);
  });

  it('verifies a clean log: intact, every event and stream counted, checked against the latest digest', async () => {
    const res = await http().post('/v1/integrity/verifications').set(auditor).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      intact: true,
      events: await count('es_events'),
      firstBrokenLink: null,
      brokenLinks: 0,
      findings: [],
      digest: { sequence: 2, source: 'recorded' },
    });
  });

  it('refuses a kept digest that is malformed (400) or does not hash to its heads (422), and writes nothing', async () => {
    const kept = (await http().get('/v1/integrity/digests/1').set(auditor)).body;
    const before = [await count('es_events'), await count('es_digests')];
    expectProblem(await http().post('/v1/integrity/verifications').set(auditor).send({ digest: { ...kept, digest: 'not-hex' } }), 400, ['digest.digest']);
    expectProblem(await http().post('/v1/integrity/verifications').set(auditor).send({ digest: { ...kept, algorithm: 'MD5', streams: -1 } }), 400, ['digest.algorithm', 'digest.streams']);
    const damaged = await http().post('/v1/integrity/verifications').set(auditor).send({ digest: { ...kept, digest: 'f'.repeat(64) } });
    expectProblem(damaged, 422, ['digest.digest']);
    expect([await count('es_events'), await count('es_digests')]).toEqual(before);
  });

  it('is for auditors and administrators: the programme office gets 403', async () => {
    expect((await http().post('/v1/integrity/verifications').set(programmeOffice).send({})).status).toBe(403);
    expect((await http().get('/v1/integrity/digests/latest').set(actorHeaders('root@herning.dk', 'herning', 'administrator'))).status).toBe(200);
  });

  it('names the first broken link after a superuser alters one event and deletes another, and a deleted tail against a kept digest', async () => {
    const kept = (await http().get('/v1/integrity/digests/latest').set(auditor)).body;
    const { rows } = await db.query<{ stream_id: string; sp: number; gp: string }>(
      `SELECT stream_id, stream_position::int AS sp, global_position::text AS gp FROM es_events WHERE stream_id LIKE 'proposal-%' ORDER BY global_position`,
    );
    const [altered, ...rest] = rows;
    await asSuperuser(`UPDATE es_events SET data = jsonb_set(data, '{title}', '"Forged title"') WHERE global_position = $1`, [altered.gp]);
    const deleted = rest[rest.length - 1]; // the last event of the log's newest proposal: a deleted tail
    await asSuperuser('DELETE FROM es_events WHERE global_position = $1', [deleted.gp]);

    const res = await http().post('/v1/integrity/verifications').set(auditor).send({ digest: kept });
    expect(res.status).toBe(200);
    expect(res.body.intact).toBe(false);
    expect(res.body.firstBrokenLink).toEqual({
      streamId: altered.stream_id,
      version: altered.sp,
      globalPosition: altered.gp,
      problem: 'content-altered',
      detail: expect.stringContaining('does not match its content'),
    });
    expect(res.body.findings).toContainEqual(expect.objectContaining({ streamId: deleted.stream_id, version: deleted.sp, problem: expect.stringMatching(/tail-missing|stream-missing/) }));
    expect(res.body.digest).toMatchObject({ sequence: kept.sequence, source: 'given' });
  });
});

describe('periodic digests', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.INTEGRITY_DIGEST_INTERVAL_MS = '100';
    try {
      t = await startTestApp('e2e_integrity_schedule');
    } finally {
      delete process.env.INTEGRITY_DIGEST_INTERVAL_MS;
    }
  });
  afterAll(async () => t?.close());

  it('records a digest by itself once the log moved, and none while it stands still', async () => {
    await draft(t, { ...SUBMITTABLE, title: 'Scheduled digest', departmentId: 'citizen-service' }, programmeOffice);
    let items: { sequence: number; recordedBy: string; events: number }[] = [];
    for (const deadline = Date.now() + 20_000; items.length === 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      items = (await request(t.server).get('/v1/integrity/digests').set(auditor)).body.items;
    }
    expect(items).toEqual([expect.objectContaining({ sequence: 1, recordedBy: 'system' })]);
    await new Promise((r) => setTimeout(r, 400)); // several intervals with nothing new written
    const latest = await request(t.server).get('/v1/integrity/digests/latest').set(auditor);
    expect(latest.body.sequence).toBe(1);
  });
});
