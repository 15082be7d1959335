import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import request from 'supertest';
import { verifyPack } from '../../libs/governance/domain/agendas/index.js';
import { verifyEventLog } from '../../libs/integrity/verify-event-log.js';
import { ReadModelScrubber } from '../../libs/personal-data/application/read-model-scrubber.js';
import { PG_POOL } from '../../libs/platform/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const pmo = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const admin = actorHeaders('it-admin@herning.dk', 'herning', 'administrator');
const viborgAdmin = actorHeaders('it-admin@viborg.dk', 'viborg', 'administrator');
const auditor = actorHeaders('aud@herning.dk', 'herning', 'auditor');

const BO = { name: 'Bo Ravnkilde', email: 'bo.ravnkilde@herning.dk' };
const OLE = { name: 'Ole Hestbech', email: 'ole.hestbech@herning.dk' };
const REASON = 'Erasure request from the data subject, case 2027-0113';

const HERNING_MONTHLY = {
  frequency: 'monthly',
  dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 },
  time: '14:00',
  timeZone: 'Europe/Copenhagen',
  durationMinutes: 120,
  exceptMonths: [7],
  startDate: '2026-01-01',
};

describe('personal data: encrypted per person, erased by deleting the key', () => {
  let t: TestApp;
  let pool: Pool;
  const http = () => request(t.server);
  let proposalId: string;
  let boId: string;
  let frozenPack: string;

  beforeAll(async () => {
    t = await startTestApp('e2e_personal_data');
    pool = t.app.get<Pool>(PG_POOL);
  });
  afterAll(async () => t?.close());

  /** Tables (the log, read models, everything but the key table) whose rows mention `text`, in plaintext. */
  async function tablesMentioning(text: string): Promise<string[]> {
    const { rows: tables } = await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await pool.query(`SELECT 1 FROM "${name}" t WHERE t::text ILIKE $1 LIMIT 1`, [`%${text}%`]);
      if (rows.length) found.push(name);
    }
    return found;
  }

  async function erasures(personId: string) {
    const { rows } = await pool.query(`SELECT type, data, metadata FROM es_events WHERE stream_id = $1 ORDER BY stream_position`, [`personal-data-${personId}`]);
    return rows as { type: string; data: Record<string, unknown>; metadata: { actor: { subject: string }; reason: string } }[];
  }

  it('keeps names and emails out of the log itself, from the first event', async () => {
    const drafted = await draft(t, { ...SUBMITTABLE, title: 'Digital mail', departmentId: 'citizen-service', systemOwner: { person: BO }, projectLeadership: [{ person: OLE, role: 'project leader' }] }, pmo);
    proposalId = drafted.body.id;
    const amended = await http()
      .patch(`/v1/proposals/${proposalId}`)
      .set(pmo)
      .set('If-Match', '"1"')
      .send({ systemOwner: { person: { ...BO, email: 'BO.Ravnkilde@herning.dk' } }, reason: 'Corrected the email' });
    expect(amended.status).toBe(200);
    expect(drafted.body.form.systemOwner.person).toEqual(BO);

    const { rows } = await pool.query<{ data: unknown }>('SELECT data FROM es_events WHERE stream_id = $1', [`proposal-${proposalId}`]);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/Ravnkilde|Hestbech|herning\.dk/i);
    expect(await tablesMentioning('Ravnkilde')).not.toContain('es_events');
  });

  it('freezes an agenda pack naming the system owner, whose hash verifies', async () => {
    const forumId = randomUUID();
    expect((await http().put(`/v1/forums/${forumId}/meeting-rule`).set(pmo).send(HERNING_MONTHLY)).status).toBe(200);
    const scheduled = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(pmo).send({ from: '2026-01-01', to: '2026-12-31' });
    const base = `/v1/meetings/${scheduled.body.scheduled[2].meetingId}/agenda`;
    expect((await http().post(base).set(pmo)).status).toBe(201);
    expect((await http().post(`${base}/items`).set(pmo).send({ kind: 'decision', title: 'Approve digital mail', proposalId, decisionAsked: 'approve' })).status).toBe(201);
    const frozen = await http().post(`${base}/freeze`).set(pmo).send({});
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ revision: 1, verified: true });
    expect(frozen.body.pack.items[0].proposal.content.form.systemOwner.person).toEqual({ ...BO, email: 'BO.Ravnkilde@herning.dk' });
    frozenPack = `${base}/revisions/1`;
  });

  it("finds a person's id by email for an administrator only, never answering with personal data", async () => {
    const found = await http().get('/v1/people').query({ email: ' bo.ravnkilde@HERNING.dk' }).set(admin);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([{ personId: expect.stringMatching(/^[0-9a-f-]{36}$/), erased: false, firstSeenAt: expect.any(String), erasure: null }]);
    boId = found.body.items[0].personId;
    expect(JSON.stringify(found.body)).not.toMatch(/Ravnkilde/);

    expect((await http().get('/v1/people').query({ email: 'nobody@herning.dk' }).set(admin)).body.items).toEqual([]);
    // another organisation does not find Herning's people
    expect((await http().get('/v1/people').query({ email: BO.email }).set(viborgAdmin)).body.items).toEqual([]);
    expectProblem(await http().get('/v1/people').query({ email: 'not an email' }).set(admin), 400, ['email']);
    expectProblem(await http().get('/v1/people').set(admin), 400, ['email']);
    expect((await http().get('/v1/people').query({ email: BO.email }).set(pmo)).status).toBe(403);
    expect((await http().get(`/v1/people/${boId}`).set(admin)).body).toMatchObject({ personId: boId, erased: false });
  });

  it('refuses bad erasures and writes nothing', async () => {
    expectProblem(await http().post(`/v1/people/${boId}/erasure`).set(admin).send({}), 400, ['reason']);
    expectProblem(await http().post(`/v1/people/${boId}/erasure`).set(admin).send({ reason: '   ' }), 400, ['reason']);
    expectProblem(await http().post(`/v1/people/${randomUUID()}/erasure`).set(admin).send({ reason: REASON }), 404, ['personId']);
    expectProblem(await http().post('/v1/people/not-a-person/erasure').set(admin).send({ reason: REASON }), 404, ['personId']);
    expectProblem(await http().post(`/v1/people/${boId}/erasure`).set(viborgAdmin).send({ reason: REASON }), 404, ['personId']);
    expectProblem(await http().get(`/v1/people/${boId}`).set(viborgAdmin), 404, ['personId']);
    expect((await http().post(`/v1/people/${boId}/erasure`).set(pmo).send({ reason: REASON })).status).toBe(403);
    expect(await erasures(boId)).toEqual([]);
    expect((await http().get(`/v1/proposals/${proposalId}`).set(pmo)).body.form.systemOwner.person.name).toBe(BO.name);
  });

  it('erases: reads show the person as erased, the others stay, and the erasure is an audited event', async () => {
    const erased = await http().post(`/v1/people/${boId}/erasure`).set(admin).send({ reason: REASON });
    expect(erased.status).toBe(201);
    expect(erased.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
    expect(erased.body).toEqual({ personId: boId, erased: true, firstSeenAt: expect.any(String), erasure: { erasedAt: expect.any(String), erasedBy: 'it-admin@herning.dk', reason: REASON } });

    const proposal = await http().get(`/v1/proposals/${proposalId}`).set(pmo);
    expect(proposal.body.form.systemOwner.person).toEqual({ erased: true });
    expect(proposal.body.form.projectLeadership).toEqual([{ person: OLE, role: 'project leader' }]);
    const history = await http().get(`/v1/proposals/${proposalId}/history`).set(auditor);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toMatch(/Ravnkilde/i);
    expect(JSON.stringify(history.body)).toContain('Hestbech');

    const [event, ...more] = await erasures(boId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ type: 'PersonalDataErased', data: { personId: boId, organisationId: 'herning' }, metadata: { actor: { subject: 'it-admin@herning.dk' }, reason: REASON } });
    expect(JSON.stringify(event.data)).not.toMatch(/Ravnkilde|@/);
    expect((await http().get('/v1/people').query({ email: BO.email }).set(admin)).body.items).toEqual([]);
  });

  it('erases once: a repeat answers the first erasure and records nothing', async () => {
    const again = await http().post(`/v1/people/${boId}/erasure`).set(admin).send({ reason: 'Asked twice' });
    expect(again.status).toBe(200);
    expect(again.headers['x-log-position']).toBeUndefined();
    expect(again.body.erasure).toMatchObject({ erasedBy: 'it-admin@herning.dk', reason: REASON });
    expect(await erasures(boId)).toHaveLength(1);
    expect((await http().get(`/v1/people/${boId}`).set(admin)).body).toEqual(again.body);
  });

  it('keeps the hash chain and the frozen pack verifying', async () => {
    const report = await verifyEventLog(pool);
    expect(report).toMatchObject({ intact: true, brokenLinks: 0 });
    const revision = await http().get(frozenPack).set(pmo);
    expect(revision.status).toBe(200);
    expect(revision.body.verified).toBe(true);
    expect(revision.body.pack.items[0].proposal.content.form.systemOwner.person).toEqual({ erased: true });
    expect(verifyPack(revision.body.pack, revision.body.contentHash)).toBe(true);
  });

  it('keeps the proposal amendable with its system owner erased', async () => {
    const current = await http().get(`/v1/proposals/${proposalId}`).set(pmo);
    const amended = await http().patch(`/v1/proposals/${proposalId}`).set(pmo).set('If-Match', current.headers.etag).send({ title: 'Digital mail for all' });
    expect(amended.status).toBe(200);
    expect(amended.body.form).toMatchObject({ title: 'Digital mail for all', systemOwner: { person: { erased: true } } });
  });

  it('scrubs the read models, and a rebuild of every projection brings no name back', async () => {
    // the follow-up rebuilds the affected read models in the background: wait for it, bounded
    const deadline = Date.now() + 30_000;
    let mentioning = await tablesMentioning('Ravnkilde');
    while (mentioning.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mentioning = await tablesMentioning('Ravnkilde');
    }
    expect(mentioning).toEqual([]);
    expect(await tablesMentioning('Hestbech')).not.toEqual([]); // the read models do hold names: the check can fail

    const runtime = t.app.get(ProjectionRuntime);
    const affected = (await t.app.get(ReadModelScrubber).affected()).map((p) => p.name);
    expect(affected.length).toBeGreaterThan(0);
    for (const projection of runtime.registered()) await runtime.rebuild(projection.name);
    expect(await tablesMentioning('Ravnkilde')).toEqual([]);
    expect(await tablesMentioning('bo.ravnkilde')).toEqual([]);
  });
});
