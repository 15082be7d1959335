import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { completeForm, draft, expectProblem, listAll, read, sentinelPosition } from '../support/proposals.js';

const h = actorHeaders();
/** Every bad draft below names this department, so a wrongly created one shows in its list. */
const DEPT = 'bad-input';
const valid = { title: 'Valid title', departmentId: DEPT };
const money = (amountMinor: unknown, currency: unknown = 'DKK') => ({ amountMinor, currency });

/** [what is wrong, request body, status, the fields the problem must name] */
const BAD_DRAFTS: [string, unknown, number, string[]][] = [
  ['missing title', { departmentId: DEPT }, 400, ['title']],
  ['missing departmentId', { title: 'No department' }, 400, ['departmentId']],
  ['an empty object', {}, 400, ['title', 'departmentId']],
  ['a blank title', { ...valid, title: '   ' }, 400, ['title']],
  ['a title that is a number', { ...valid, title: 42 }, 400, ['title']],
  ['a title that is null', { ...valid, title: null }, 400, ['title']],
  ['a title of 201 characters', { ...valid, title: 'x'.repeat(201) }, 400, ['title']],
  ['a departmentId that is a list', { ...valid, departmentId: [DEPT] }, 400, ['departmentId']],
  ['negative money', { ...valid, investment: { developmentCost: money(-1) } }, 400, ['investment.developmentCost.amountMinor']],
  ['money with a fraction', { ...valid, investment: { developmentCost: money(1.5) } }, 400, ['investment.developmentCost.amountMinor']],
  ['money as a string', { ...valid, investment: { developmentCost: money('100') } }, 400, ['investment.developmentCost.amountMinor']],
  ['money beyond a safe integer', { ...valid, investment: { developmentCost: money(2 ** 53) } }, 400, ['investment.developmentCost.amountMinor']],
  ['money without an amount', { ...valid, investment: { developmentCost: { currency: 'DKK' } } }, 400, ['investment.developmentCost.amountMinor']],
  ['an unknown currency', { ...valid, investment: { developmentCost: money(100, 'USD') } }, 400, ['investment.developmentCost.currency']],
  ['a currency in lower case', { ...valid, investment: { developmentCost: money(100, 'dkk') } }, 400, ['investment.developmentCost.currency']],
  ['money without a currency', { ...valid, investment: { yearlyOperationsCost: { amountMinor: 100 } } }, 400, ['investment.yearlyOperationsCost.currency']],
  ['negative operations cost', { ...valid, investment: { yearlyOperationsCost: money(-5) } }, 400, ['investment.yearlyOperationsCost.amountMinor']],
  [
    'development and operations in different currencies',
    { ...valid, investment: { developmentCost: money(100, 'DKK'), yearlyOperationsCost: money(100, 'EUR') } },
    422,
    ['investment.yearlyOperationsCost'],
  ],
  ['an invalid system owner email', { ...valid, systemOwner: { person: { name: 'Karen', email: 'not-an-email' } } }, 400, ['systemOwner.person.email']],
  ['a system owner without a name', { ...valid, systemOwner: { person: { email: 'karen@herning.dk' } } }, 400, ['systemOwner.person.name']],
  [
    'an invalid project leader email',
    { ...valid, projectLeadership: [{ person: { name: 'Ole', email: 'ole@' }, role: 'project leader' }] },
    400,
    ['projectLeadership.0.person.email'],
  ],
  ['a project leader without a role', { ...valid, projectLeadership: [{ person: { name: 'Ole', email: 'ole@herning.dk' } }] }, 400, ['projectLeadership.0.role']],
  // an object where a list belongs is read as one leader: its fields are named too
  ['project leadership that is not a list', { ...valid, projectLeadership: { name: 'Ole' } }, 400, ['projectLeadership', 'projectLeadership.name', 'projectLeadership.role']],
  ['an end date before the start date', { ...valid, schedule: { plannedStart: '2027-06-01', plannedEnd: '2027-05-31' } }, 422, ['schedule.plannedEnd']],
  ['a date as DD/MM/YYYY', { ...valid, schedule: { plannedStart: '01/06/2027' } }, 400, ['schedule.plannedStart']],
  ['a date without leading zeros', { ...valid, schedule: { plannedEnd: '2027-6-1' } }, 400, ['schedule.plannedEnd']],
  ['a day that does not exist', { ...valid, schedule: { plannedStart: '2027-02-30' } }, 400, ['schedule.plannedStart']],
  ['a timestamp instead of a date', { ...valid, schedule: { plannedStart: '2027-01-01T00:00:00Z' } }, 400, ['schedule.plannedStart']],
  ['negative estimated hours', { ...valid, estimatedHours: -1 }, 400, ['estimatedHours']],
  ['fractional estimated hours', { ...valid, estimatedHours: 300.5 }, 400, ['estimatedHours']],
  ['estimated hours as a string', { ...valid, estimatedHours: '301' }, 400, ['estimatedHours']],
  ['negative own hours', { ...valid, ownResources: { hours: -8 } }, 400, ['ownResources.hours']],
  ['a flag that is not a boolean', { ...valid, legalRequirement: { required: 'yes' } }, 400, ['legalRequirement.required']],
  ['a flag that is null', { ...valid, complexity: { process: null } }, 400, ['complexity.process']],
  ['business goals that are not a list', { ...valid, businessValue: { businessGoals: 'Better service' } }, 400, ['businessValue.businessGoals']],
  ['51 business goals', { ...valid, businessValue: { businessGoals: Array.from({ length: 51 }, (_, i) => `goal ${i}`) } }, 400, ['businessValue.businessGoals']],
  ['a department listed twice', { ...valid, crossDepartmental: { departmentIds: ['social', 'social'] } }, 400, ['crossDepartmental.departmentIds']],
  ['an unknown investment area', { ...valid, investmentArea: 'roads' }, 400, ['investmentArea']],
  ['a section that is null', { ...valid, investment: null }, 400, ['investment']],
  ['a section that is a string', { ...valid, need: 'everything' }, 400, ['need']],
  ['a summary over 10,000 characters', { ...valid, summary: 's'.repeat(10_001) }, 400, ['summary']],
  ['an unknown field', { ...valid, colour: 'blue' }, 400, ['colour']],
  ['an unknown nested field', { ...valid, investment: { vat: 25 } }, 400, ['investment.vat']],
  ['an unknown field deep down', { ...valid, systemOwner: { person: { name: 'K', email: 'k@herning.dk', phone: '12345678' } } }, 400, ['systemOwner.person.phone']],
  ['a field the server sets', { ...valid, status: 'submitted' }, 400, ['status']],
  ['several faults at once', { title: 7, departmentId: DEPT, estimatedHours: -1, investment: { developmentCost: money(1.5, 'SEK') } }, 400, [
    'title',
    'estimatedHours',
    'investment.developmentCost.amountMinor',
    'investment.developmentCost.currency',
  ]],
];

describe('bad input is answered with a problem and changes nothing', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_bad_input');
  });
  afterAll(async () => t?.close());

  describe('POST /v1/proposals with', () => {
    it.each(BAD_DRAFTS.map(([name, body, status, fields]) => [name, status, body, fields] as const))('%s: %i', async (_name, status, body, fields) => {
      const res = await http().post('/v1/proposals').set(h).send(body as object);
      expectProblem(res, status, fields);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['x-log-position']).toBeUndefined();
    });

    it('says which kind of problem it is: validation (400) or a broken rule (422)', async () => {
      const invalid = await http().post('/v1/proposals').set(h).send({ departmentId: DEPT });
      expect(invalid.body).toMatchObject({ type: 'urn:problem-type:validation-failed', title: 'Validation failed', status: 400, instance: '/v1/proposals' });
      expect(invalid.body.detail).toContain('title');
      const broken = await http().post('/v1/proposals').set(h).send({ ...valid, schedule: { plannedStart: '2027-06-01', plannedEnd: '2027-01-01' } });
      expect(broken.body).toMatchObject({ status: 422, errors: [{ field: 'schedule.plannedEnd', reason: expect.any(String) }] });
    });
  });

  describe('bodies that are no JSON object', () => {
    it('malformed JSON: 400', async () => {
      const res = await http().post('/v1/proposals').set(h).set('Content-Type', 'application/json').send('{"title": "Broken", "departmentId": ');
      expectProblem(res, 400);
      expect(res.body.type).toBe('urn:problem-type:malformed-json');
    });

    it.each([
      ['a JSON string', '"a proposal"'],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
    ])('%s: 400', async (_name, text) => {
      expectProblem(await http().post('/v1/proposals').set(h).set('Content-Type', 'application/json').send(text), 400);
    });

    it('a JSON array: 400', async () => {
      expectProblem(await http().post('/v1/proposals').set(h).send([valid]), 400);
    });

    it('no body at all: 400 naming the required fields', async () => {
      expectProblem(await http().post('/v1/proposals').set(h), 400, ['title', 'departmentId']);
    });

    it('a body over 100 kb: 413', async () => {
      const res = await http().post('/v1/proposals').set(h).send({ ...valid, summary: 'x'.repeat(110 * 1024) });
      expectProblem(res, 413);
    });

    it.each([
      ['text/plain', 'title=Plain'],
      ['application/x-www-form-urlencoded', 'title=Form&departmentId=bad-input'],
      ['application/xml', '<proposal><title>XML</title></proposal>'],
    ])('a body sent as %s: 415', async (contentType, text) => {
      expectProblem(await http().post('/v1/proposals').set(h).set('Content-Type', contentType).send(text), 415);
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['get', '/v1/nothing-here'],
      ['get', '/proposals'],
      ['post', '/v1/proposals/2f0a4b8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b/approve'],
      ['delete', '/v1/proposals/2f0a4b8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'],
      ['put', '/v1/proposals/2f0a4b8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'],
    ] as const)('%s %s: 404', async (method, path) => {
      const res = await http()[method](path).set(h);
      expectProblem(res, 404);
      expect(res.body.instance).toBe(path);
    });
  });

  describe('on an existing proposal', () => {
    let id: string;
    let before: Awaited<ReturnType<typeof read>>;
    beforeAll(async () => {
      id = (await draft(t, completeForm({ departmentId: 'bad-input-target' }))).body.id;
      before = await read(t, id);
    });

    const BAD_AMENDMENTS: [string, unknown, number, string[]][] = [
      ['a title that is null', { title: null }, 400, ['title']],
      ['a blank departmentId', { departmentId: ' ' }, 400, ['departmentId']],
      ['negative money', { investment: { developmentCost: money(-1) } }, 400, ['investment.developmentCost.amountMinor']],
      ['an invalid email', { systemOwner: { person: { name: 'K', email: 'k at herning' } } }, 400, ['systemOwner.person.email']],
      ['an end before the stored start', { schedule: { plannedEnd: '2026-12-31' } }, 422, ['schedule.plannedEnd']],
      ['a currency other than the stored development cost\'s', { investment: { yearlyOperationsCost: money(1, 'NOK') } }, 422, ['investment.yearlyOperationsCost']],
      ['a list cleared with null', { projectLeadership: null }, 400, ['projectLeadership']],
      ['an unknown field', { title: 'Fine', priority: 1 }, 400, ['priority']],
      ['a blank reason', { title: 'Fine', reason: '  ' }, 400, ['reason']],
    ];

    it.each(BAD_AMENDMENTS.map(([name, body, status, fields]) => [name, status, body, fields] as const))('PATCH with %s: %i', async (_name, status, body, fields) => {
      const res = await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send(body as object);
      expectProblem(res, status, fields);
      expect(res.headers.etag).toBeUndefined();
    });

    it('PATCH with malformed JSON, a wrong media type or an oversized body', async () => {
      const patch = () => http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"');
      expectProblem(await patch().set('Content-Type', 'application/json').send('{"title":'), 400);
      expectProblem(await patch().set('Content-Type', 'text/plain').send('title=x'), 415);
      expectProblem(await patch().send({ summary: 'x'.repeat(110 * 1024) }), 413);
    });

    it('PATCH with an If-Match that is no ETag: 400 naming If-Match', async () => {
      expectProblem(await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', 'version one').send({ title: 'x' }), 400, ['If-Match']);
      expectProblem(await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1", "2"').send({ title: 'x' }), 400, ['If-Match']);
    });

    it('submit and withdraw with unknown fields or a reason that is no text: 400', async () => {
      expectProblem(await http().post(`/v1/proposals/${id}/submit`).set(h).send({ reason: 'ok', urgent: true }), 400, ['urgent']);
      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: 12 }), 400, ['reason']);
      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: 'r'.repeat(2001) }), 400, ['reason']);
      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: 'ok', by: 'me' }), 400, ['by']);
    });

    it('GET with an asOfVersion that is no positive whole number: 400', async () => {
      for (const v of ['0', '-1', '1.5', 'first']) {
        expectProblem(await http().get(`/v1/proposals/${id}?asOfVersion=${v}`).set(h), 400, ['asOfVersion']);
      }
    });

    it('leaves the proposal as it was', async () => {
      const after = await read(t, id);
      expect(after.etag).toBe(before.etag);
      expect(after.body).toEqual(before.body);
      const history = await http().get(`/v1/proposals/${id}/history`).set(h);
      expect(history.body.events).toHaveLength(1);
    });

    it('still takes a good amendment, also as application/merge-patch+json', async () => {
      const res = await http()
        .patch(`/v1/proposals/${id}`)
        .set(h)
        .set('If-Match', '"1"')
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ title: 'Amended at last' }));
      expect(res.status).toBe(200);
      expect(res.body.form.title).toBe('Amended at last');
    });
  });

  it('created no proposal from any bad request', async () => {
    const listed = await listAll(t, { departmentId: DEPT }, h, await sentinelPosition(t));
    expect(listed).toEqual([]);
  });
});
