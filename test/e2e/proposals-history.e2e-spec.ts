import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

/** ISO 8601 with a time zone (Z or an offset), as an auditor needs to place it in time. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface HistoryEntry {
  version: number;
  type: string;
  recordedAt: string;
  actor: { subject: string; organisationId: string | null; roles: string[] };
  reason: string | null;
  correlationId: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

describe('GET /v1/proposals/{id}/history', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_history');
  });
  afterAll(async () => t?.close());

  const anna = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
  const bo = actorHeaders('bo@herning.dk', 'herning', 'department,programme_office');
  const carl = actorHeaders('carl@herning.dk', 'herning', 'programme_office');

  it('tells every event in order: version, type, when, who, why, correlation and what changed', async () => {
    const started = Date.now();
    const created = await http()
      .post('/v1/proposals')
      .set(anna)
      .set('X-Correlation-Id', 'call-2027.draft')
      .send({ title: 'Digital mail', departmentId: 'citizen-service', need: SUBMITTABLE.need });
    expect(created.status).toBe(201);
    const id = created.body.id;

    await http()
      .patch(`/v1/proposals/${id}`)
      .set(bo)
      .set('If-Match', '"1"')
      .set('X-Correlation-Id', 'call-2027.amend')
      .send({
        title: 'Digital mail for citizens',
        investment: { developmentCost: { amountMinor: 60_000_000, currency: 'DKK' } },
        systemOwner: SUBMITTABLE.systemOwner,
        businessValue: SUBMITTABLE.businessValue,
        reason: 'Costed after the department meeting',
      })
      .expect(200);
    await http().post(`/v1/proposals/${id}/submit`).set(anna).set('X-Correlation-Id', 'call-2027.submit').send({ reason: 'Ready for the forum' }).expect(200);
    await http().post(`/v1/proposals/${id}/withdraw`).set(carl).set('X-Correlation-Id', 'call-2027.withdraw').send({ reason: 'Covered by the national solution' }).expect(200);

    const res = await http().get(`/v1/proposals/${id}/history`).set(anna);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.proposalId).toBe(id);
    const events = res.body.events as HistoryEntry[];

    expect(events.map((e) => [e.version, e.type])).toEqual([
      [1, 'ProposalDrafted'],
      [2, 'ProposalAmended'],
      [3, 'ProposalSubmitted'],
      [4, 'ProposalWithdrawn'],
    ]);
    for (const e of events) expect(e.recordedAt).toMatch(ISO_WITH_ZONE);
    const times = events.map((e) => Date.parse(e.recordedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThanOrEqual(started - 5_000);
    expect(times[3]).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(events[0].recordedAt).toBe(created.body.createdAt);

    expect(events.map((e) => [e.actor.subject, e.actor.organisationId])).toEqual([
      ['anna@herning.dk', 'herning'],
      ['bo@herning.dk', 'herning'],
      ['anna@herning.dk', 'herning'],
      ['carl@herning.dk', 'herning'],
    ]);
    expect(events[1].actor.roles).toEqual(['department', 'programme_office']);
    expect(events.map((e) => e.reason)).toEqual([null, 'Costed after the department meeting', 'Ready for the forum', 'Covered by the national solution']);
    expect(events.map((e) => e.correlationId)).toEqual(['call-2027.draft', 'call-2027.amend', 'call-2027.submit', 'call-2027.withdraw']);

    expect(events[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: null, to: 'draft' },
        { field: 'title', from: null, to: 'Digital mail' },
        { field: 'departmentId', from: null, to: 'citizen-service' },
        { field: 'need.oneYear', from: null, to: SUBMITTABLE.need.oneYear },
      ]),
    );
    expect(sortByField(events[1].changes)).toEqual(
      sortByField([
        { field: 'title', from: 'Digital mail', to: 'Digital mail for citizens' },
        { field: 'investment.developmentCost', from: null, to: { amountMinor: 60_000_000, currency: 'DKK' } },
        { field: 'systemOwner.person', from: null, to: SUBMITTABLE.systemOwner.person },
        { field: 'businessValue.expected', from: null, to: SUBMITTABLE.businessValue.expected },
      ]),
    );
    expect(events[2].changes).toEqual([{ field: 'status', from: 'draft', to: 'submitted' }]);
    expect(events[3].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'submitted', to: 'withdrawn' },
        { field: 'withdrawalReason', from: null, to: 'Covered by the national solution' },
      ]),
    );
  });

  it('records the correlation id the service gave a request without one, as echoed to the caller', async () => {
    const created = await draft(t, { title: 'Uncorrelated', departmentId: 'it' });
    expect(created.headers['x-correlation-id']).toEqual(expect.any(String));
    const res = await http().get(`/v1/proposals/${created.body.id}/history`).set(anna);
    expect(res.body.events[0].correlationId).toBe(created.headers['x-correlation-id']);
  });

  it('records a clearing amendment with the old value and null, and a second amendment of the same answer', async () => {
    const created = await draft(t, { title: 'Schedule', departmentId: 'it', schedule: { plannedStart: '2027-01-01', plannedEnd: '2027-06-30' } });
    const id = created.body.id;
    await http().patch(`/v1/proposals/${id}`).set(anna).set('If-Match', '"1"').send({ schedule: { plannedEnd: null } }).expect(200);
    await http().patch(`/v1/proposals/${id}`).set(anna).set('If-Match', '"2"').send({ schedule: { plannedEnd: '2027-09-30' }, reason: 'New end' }).expect(200);

    const events = (await http().get(`/v1/proposals/${id}/history`).set(anna)).body.events as HistoryEntry[];
    expect(events.map((e) => e.changes)).toEqual([
      expect.anything(),
      [{ field: 'schedule.plannedEnd', from: '2027-06-30', to: null }],
      [{ field: 'schedule.plannedEnd', from: null, to: '2027-09-30' }],
    ]);
    expect(events.map((e) => e.reason)).toEqual([null, null, 'New end']);
  });

  it('adds nothing for failed requests or amendments that change nothing', async () => {
    const created = await draft(t, { title: 'Quiet', departmentId: 'it' });
    const id = created.body.id;
    await http().patch(`/v1/proposals/${id}`).set(anna).set('If-Match', '"1"').send({ title: 'Quiet', reason: 'no change' }).expect(200);
    await http().patch(`/v1/proposals/${id}`).set(anna).set('If-Match', '"9"').send({ title: 'Stale' }).expect(409);
    await http().post(`/v1/proposals/${id}/submit`).set(anna).expect(422);
    await http().post(`/v1/proposals/${id}/withdraw`).set(anna).send({}).expect(400);
    const events = (await http().get(`/v1/proposals/${id}/history`).set(anna)).body.events as HistoryEntry[];
    expect(events.map((e) => e.type)).toEqual(['ProposalDrafted']);
  });

  it('answers 404 problem for an unknown or malformed id', async () => {
    expectProblem(await http().get('/v1/proposals/0b8f5c1e-8d55-4a0c-9a55-3f0d6f9c2a11/history').set(anna), 404);
    expectProblem(await http().get('/v1/proposals/nope/history').set(anna), 404, ['id']);
  });
});

function sortByField<T extends { field: string }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => a.field.localeCompare(b.field));
}
