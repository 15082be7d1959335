import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { completeForm, draft, expectProblem, listAll, read, sentinelPosition, SUBMITTABLE } from '../support/proposals.js';

const UNKNOWN_ID = '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d';
const h = actorHeaders();

describe('a proposal through its lifecycle, over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_lifecycle');
  });
  afterAll(async () => t?.close());

  describe('POST /v1/proposals', () => {
    it('drafts a proposal: 201, Location, ETag "1", X-Log-Position, the draft with its classification', async () => {
      const res = await http().post('/v1/proposals').set(h).send({ title: 'Digital mail', departmentId: 'citizen-service' });

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.location).toBe(`/v1/proposals/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toMatchObject({
        organisationId: 'herning',
        status: 'draft',
        version: 1,
        withdrawalReason: null,
        submittedAt: null,
        withdrawnAt: null,
        form: { title: 'Digital mail', departmentId: 'citizen-service', summary: null, investment: { developmentCost: null } },
        classification: { isProject: false, classification: 'ordinary_operations', criteriaMet: [] },
      });
      expect(res.body.classification.criteria).toHaveLength(6);
      expect(res.body.createdAt).toBe(res.body.updatedAt);

      const location = await http().get(res.headers.location).set(h);
      expect(location.status).toBe(200);
      expect(location.body).toEqual(res.body);
    });

    it('refuses to draft for nobody: without an organisation the answer is 403', async () => {
      const dept = 'no-organisation';
      const res = await http().post('/v1/proposals').set(actorHeaders('someone', '')).send({ title: 'Orphan', departmentId: dept });
      expectProblem(res, 403);
      expect(await listAll(t, { departmentId: dept }, h, await sentinelPosition(t))).toEqual([]);
    });

    describe('with an Idempotency-Key', () => {
      it('replays the first answer to a retry and creates nothing new', async () => {
        const dept = 'idempotent-retry';
        const body = { title: 'Retried', departmentId: dept, summary: 'sent twice' };
        const first = await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'retry-key-1').send(body);
        expect(first.status).toBe(201);
        expect(first.headers['idempotent-replayed']).toBeUndefined();

        // the same body with its keys in another order is the same request
        const retry = await http()
          .post('/v1/proposals')
          .set(h)
          .set('Idempotency-Key', 'retry-key-1')
          .send({ summary: 'sent twice', departmentId: dept, title: 'Retried' });
        expect(retry.status).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.headers.location).toBe(first.headers.location);
        expect(retry.headers.etag).toBe(first.headers.etag);
        expect(retry.headers['x-log-position']).toBe(first.headers['x-log-position']);
        expect(retry.body).toEqual(first.body);

        const listed = await listAll(t, { departmentId: dept }, h, first.headers['x-log-position']);
        expect(listed.map((p) => p.id)).toEqual([first.body.id]);
        // and still one once every write made so far is in the list
        expect((await listAll(t, { departmentId: dept }, h, await sentinelPosition(t))).map((p) => p.id)).toEqual([first.body.id]);
      });

      it('answers 422 when the key is reused with another body, and creates nothing', async () => {
        const dept = 'idempotent-mismatch';
        const first = await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'mismatch-key').send({ title: 'One', departmentId: dept });
        expect(first.status).toBe(201);
        const other = await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'mismatch-key').send({ title: 'Two', departmentId: dept });
        expectProblem(other, 422);
        expect(other.headers['idempotent-replayed']).toBeUndefined();
        const listed = await listAll(t, { departmentId: dept }, h, await sentinelPosition(t));
        expect(listed.map((p) => p.title)).toEqual(['One']);
      });

      it('runs a retry again when the first attempt failed', async () => {
        const dept = 'idempotent-after-failure';
        const bad = { title: 'Dates', departmentId: dept, schedule: { plannedStart: '2027-06-01', plannedEnd: '2027-01-01' } };
        expectProblem(await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'fail-key').send(bad), 422, ['schedule.plannedEnd']);
        const fixed = { ...bad, schedule: { plannedStart: '2027-01-01', plannedEnd: '2027-06-01' } };
        const retry = await http().post('/v1/proposals').set(h).set('Idempotency-Key', 'fail-key').send(fixed);
        expect(retry.status).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBeUndefined();
      });
    });

    it('creates two proposals from two identical requests without a key', async () => {
      const dept = 'no-key';
      const body = { title: 'Twice', departmentId: dept };
      const a = await http().post('/v1/proposals').set(h).send(body);
      const b = await http().post('/v1/proposals').set(h).send(body);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
      const listed = await listAll(t, { departmentId: dept }, h, b.headers['x-log-position']);
      expect(listed.map((p) => p.id).sort()).toEqual([a.body.id, b.body.id].sort());
    });

    it('keeps every answer of the form: GET returns what was sent', async () => {
      const form = completeForm();
      const created = await draft(t, form);
      expect(created.body.form).toEqual(form);
      const { body } = await read(t, created.body.id);
      expect(body.form).toEqual(form);
      expect(body.classification.classification).toBe('portfolio_project');
    });
  });

  describe('classification as a portfolio project (seed 002 p. 8)', () => {
    const base = { title: 'A need', departmentId: 'culture' };
    const criteria: [string, Record<string, unknown>, string][] = [
      ['required by law', { legalRequirement: { required: true, legalBasis: 'Databeskyttelsesloven' } }, 'required_by_law'],
      ['declared cross-departmental', { crossDepartmental: { declared: true } }, 'cross_departmental'],
      ['involving another department', { crossDepartmental: { departmentIds: ['social', 'culture'] } }, 'cross_departmental'],
      ['complex in process', { complexity: { process: true } }, 'complex'],
      ['complex in organisation', { complexity: { organisation: true } }, 'complex'],
      ['complex in systems', { complexity: { systems: true } }, 'complex'],
      ['costing more than DKK 500,000', { investment: { developmentCost: { amountMinor: 50_000_001, currency: 'DKK' } } }, 'cost_above_threshold'],
      ['having a start and an end', { schedule: { plannedStart: '2027-01-01', plannedEnd: '2027-03-31' } }, 'time_bound'],
      ['needing more than 300 hours', { estimatedHours: 301 }, 'hours_above_threshold'],
    ];

    it.each(criteria)('a need %s is a portfolio project', async (_name, answers, criterion) => {
      const res = await draft(t, { ...base, ...answers });
      expect(res.body.classification).toMatchObject({ isProject: true, classification: 'portfolio_project', criteriaMet: [criterion] });
    });

    const none: [string, Record<string, unknown>][] = [
      ['nothing stated', {}],
      ['exactly DKK 500,000', { investment: { developmentCost: { amountMinor: 50_000_000, currency: 'DKK' } } }],
      ['exactly 300 hours', { estimatedHours: 300 }],
      ['a start without an end', { schedule: { plannedStart: '2027-01-01' } }],
      ['only its own department listed', { crossDepartmental: { departmentIds: ['culture'] } }],
      ['not required by law though a rule is named', { legalRequirement: { required: false, legalBasis: 'Kommunestyrelsesloven' } }],
    ];

    it.each(none)('a need with %s is ordinary operations', async (_name, answers) => {
      const res = await draft(t, { ...base, ...answers });
      expect(res.body.classification).toMatchObject({ isProject: false, classification: 'ordinary_operations', criteriaMet: [] });
    });

    it('reclassifies when an amendment crosses the threshold, and the list shows it', async () => {
      const created = await draft(t, { ...base, departmentId: 'reclassified', investment: { developmentCost: { amountMinor: 50_000_000, currency: 'DKK' } } });
      const amended = await http()
        .patch(`/v1/proposals/${created.body.id}`)
        .set(h)
        .set('If-Match', '"1"')
        .send({ investment: { developmentCost: { amountMinor: 50_000_100, currency: 'DKK' } } });
      expect(amended.status).toBe(200);
      expect(amended.body.classification).toMatchObject({ classification: 'portfolio_project', criteriaMet: ['cost_above_threshold'] });
      const listed = await listAll(t, { departmentId: 'reclassified' }, h, amended.headers['x-log-position']);
      expect(listed).toEqual([expect.objectContaining({ classification: 'portfolio_project', criteriaMet: ['cost_above_threshold'] })]);
    });
  });

  describe('GET /v1/proposals/{id}', () => {
    it('answers with the version as ETag and 304 to If-None-Match with it', async () => {
      const created = await draft(t, { title: 'Cached', departmentId: 'it' });
      const id = created.body.id;
      const res = await http().get(`/v1/proposals/${id}`).set(h);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');

      const notModified = await http().get(`/v1/proposals/${id}`).set(h).set('If-None-Match', '"1"');
      expect(notModified.status).toBe(304);
      expect(notModified.text ?? '').toBe('');
      expect(notModified.headers.etag).toBe('"1"');

      await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ title: 'Cached, amended' }).expect(200);
      const modified = await http().get(`/v1/proposals/${id}`).set(h).set('If-None-Match', '"1"');
      expect(modified.status).toBe(200);
      expect(modified.headers.etag).toBe('"2"');
      expect(modified.body.form.title).toBe('Cached, amended');
    });

    it('shows the proposal as first drafted with ?asOfVersion=1', async () => {
      const created = await draft(t, { title: 'First words', departmentId: 'it', summary: 'before' });
      const id = created.body.id;
      await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ title: 'Second thoughts', summary: null }).expect(200);

      const asDrafted = await http().get(`/v1/proposals/${id}?asOfVersion=1`).set(h);
      expect(asDrafted.status).toBe(200);
      expect(asDrafted.headers.etag).toBe('"1"');
      expect(asDrafted.body).toEqual(created.body);

      const current = await read(t, id);
      expect(current.etag).toBe('"2"');
      expect(current.body.form).toMatchObject({ title: 'Second thoughts', summary: null });
    });

    it('answers 404 problem for an unknown id and for an id that is no uuid', async () => {
      const unknown = await http().get(`/v1/proposals/${UNKNOWN_ID}`).set(h);
      expectProblem(unknown, 404);
      const malformed = await http().get('/v1/proposals/not-a-proposal-id').set(h);
      expectProblem(malformed, 404, ['id']);
      for (const path of ['/history', '/submit', '/withdraw']) {
        const method = path === '/history' ? 'get' : 'post';
        expectProblem(await http()[method](`/v1/proposals/${UNKNOWN_ID}${path}`).set(h).send(path === '/withdraw' ? { reason: 'x' } : {}), 404);
        expectProblem(await http()[method](`/v1/proposals/12345${path}`).set(h).send(path === '/withdraw' ? { reason: 'x' } : {}), 404, ['id']);
      }
      expectProblem(await http().patch(`/v1/proposals/12345`).set(h).set('If-Match', '"1"').send({ title: 'x' }), 404, ['id']);
    });
  });

  describe('PATCH /v1/proposals/{id}', () => {
    it('needs If-Match (428), refuses a stale one (409 with currentVersion), and amends with the current one', async () => {
      const created = await draft(t, { title: 'Amend me', departmentId: 'it' });
      const id = created.body.id;
      const before = await read(t, id);

      expectProblem(await http().patch(`/v1/proposals/${id}`).set(h).send({ title: 'Blind write' }), 428, ['If-Match']);

      const ok = await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ title: 'Amended', estimatedHours: 40 });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(ok.body).toMatchObject({ version: 2, status: 'draft', form: { title: 'Amended', estimatedHours: 40, departmentId: 'it' } });
      expect(ok.body.createdAt).toBe(before.body.createdAt);

      const stale = await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ title: 'Lost update' });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(2);

      const after = await read(t, id);
      expect(after.etag).toBe('"2"');
      expect(after.body).toEqual(ok.body);
    });

    it('merges sections field by field and clears an answer with null', async () => {
      const created = await draft(t, completeForm({ departmentId: 'merge' }));
      const res = await http()
        .patch(`/v1/proposals/${created.body.id}`)
        .set(h)
        .set('If-Match', '"1"')
        .send({ need: { multiYear: null }, investment: { yearlyOperationsCost: { amountMinor: 2_000_000, currency: 'DKK' } }, users: null });
      expect(res.status).toBe(200);
      expect(res.body.form).toEqual({
        ...completeForm({ departmentId: 'merge' }),
        need: { oneYear: 'Send decisions digitally', multiYear: null },
        investment: { ...completeForm().investment, yearlyOperationsCost: { amountMinor: 2_000_000, currency: 'DKK' } },
        users: null,
      });
    });

    it('answers 200 with the same version to an amendment that changes nothing, and records nothing', async () => {
      const created = await draft(t, { title: 'Unchanged', departmentId: 'it', estimatedHours: 10 });
      const id = created.body.id;
      const res = await http()
        .patch(`/v1/proposals/${id}`)
        .set(h)
        .set('If-Match', '"1"')
        .send({ title: 'Unchanged', estimatedHours: 10, reason: 'nothing new' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual(created.body);

      const history = await http().get(`/v1/proposals/${id}/history`).set(h);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ProposalDrafted']);
      expect((await read(t, id)).etag).toBe('"1"');
    });

    it('accepts If-Match: * as "whatever the current version is"', async () => {
      const created = await draft(t, { title: 'Any version', departmentId: 'it' });
      const res = await http().patch(`/v1/proposals/${created.body.id}`).set(h).set('If-Match', '*').send({ summary: 'amended' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
    });

    it('changes nothing after any failed request', async () => {
      const created = await draft(t, completeForm({ departmentId: 'failures' }));
      const id = created.body.id;
      const before = await read(t, id);
      const patch = (ifMatch: string | undefined, body: unknown) => {
        const req = http().patch(`/v1/proposals/${id}`).set(h);
        if (ifMatch !== undefined) req.set('If-Match', ifMatch);
        return req.send(body as object);
      };

      expectProblem(await patch(undefined, { title: 'No If-Match' }), 428);
      expectProblem(await patch('"7"', { title: 'Stale' }), 409);
      expectProblem(await patch('not-an-etag', { title: 'Garbage If-Match' }), 400, ['If-Match']);
      expectProblem(await patch('"1"', { title: 42 }), 400, ['title']);
      expectProblem(await patch('"1"', { title: 'Valid', departmentId: null }), 400, ['departmentId']);
      expectProblem(await patch('"1"', { schedule: { plannedEnd: '2026-01-01' } }), 422, ['schedule.plannedEnd']);
      expectProblem(await patch('"1"', { investment: { yearlyOperationsCost: { amountMinor: 1, currency: 'EUR' } } }), 422, [
        'investment.yearlyOperationsCost',
      ]);
      expectProblem(await patch('"1"', { title: 'Valid', extra: true }), 400, ['extra']);

      const after = await read(t, id);
      expect(after.etag).toBe(before.etag);
      expect(after.body).toEqual(before.body);
      const history = await http().get(`/v1/proposals/${id}/history`).set(h);
      expect(history.body.events).toHaveLength(1);
    });
  });

  describe('POST /v1/proposals/{id}/submit', () => {
    it('refuses an incomplete proposal with 422 listing every missing answer', async () => {
      const created = await draft(t, { title: 'Incomplete', departmentId: 'it' });
      const res = await http().post(`/v1/proposals/${created.body.id}/submit`).set(h);
      expectProblem(res, 422, ['need.oneYear', 'investment.developmentCost', 'systemOwner.person', 'businessValue.expected']);

      const partly = await draft(t, { title: 'Partly', departmentId: 'it', need: SUBMITTABLE.need, businessValue: SUBMITTABLE.businessValue });
      expectProblem(await http().post(`/v1/proposals/${partly.body.id}/submit`).set(h), 422, ['investment.developmentCost', 'systemOwner.person']);

      const blank = await draft(t, { ...SUBMITTABLE, title: 'Blank need', departmentId: 'it', need: { oneYear: '   ' } });
      expectProblem(await http().post(`/v1/proposals/${blank.body.id}/submit`).set(h), 422, ['need.oneYear']);

      expect((await read(t, created.body.id)).body).toEqual(created.body);
    });

    it('submits a complete proposal once: 200 submitted, then 409', async () => {
      const created = await draft(t, { ...SUBMITTABLE, title: 'Complete', departmentId: 'submit' });
      const id = created.body.id;
      const res = await http().post(`/v1/proposals/${id}/submit`).set(h).send({ reason: 'Ready for the steering group' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toMatchObject({ status: 'submitted', version: 2, withdrawnAt: null });
      expect(Date.parse(res.body.submittedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));

      const listed = await listAll(t, { departmentId: 'submit' }, h, res.headers['x-log-position']);
      expect(listed).toEqual([expect.objectContaining({ id, status: 'submitted', submittedAt: res.body.submittedAt })]);

      const again = await http().post(`/v1/proposals/${id}/submit`).set(h);
      expectProblem(again, 409);
      expect((await read(t, id)).body).toEqual(res.body);
    });

    it('refuses a stale If-Match with 409 and accepts the current one', async () => {
      const created = await draft(t, { ...SUBMITTABLE, title: 'Guarded submit', departmentId: 'it' });
      const id = created.body.id;
      await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ summary: 'changed' }).expect(200);

      const stale = await http().post(`/v1/proposals/${id}/submit`).set(h).set('If-Match', '"1"');
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await read(t, id)).body.status).toBe('draft');

      const ok = await http().post(`/v1/proposals/${id}/submit`).set(h).set('If-Match', '"2"');
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('submitted');
    });

    it('keeps a submitted proposal complete: an amendment that removes a required answer is 422', async () => {
      const created = await draft(t, { ...SUBMITTABLE, title: 'Submitted, amended', departmentId: 'it' });
      const id = created.body.id;
      await http().post(`/v1/proposals/${id}/submit`).set(h).expect(200);
      expectProblem(await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"2"').send({ systemOwner: { person: null } }), 422, [
        'systemOwner.person',
      ]);
      const ok = await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"2"').send({ summary: 'clarified' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'submitted', version: 3 });
    });
  });

  describe('POST /v1/proposals/{id}/withdraw', () => {
    it('requires a reason (400, field reason), withdraws once with it, then answers 409', async () => {
      const created = await draft(t, { ...SUBMITTABLE, title: 'To withdraw', departmentId: 'withdraw' });
      const id = created.body.id;
      await http().post(`/v1/proposals/${id}/submit`).set(h).expect(200);

      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h), 400, ['reason']);
      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({}), 400, ['reason']);
      expectProblem(await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: '   ' }), 400, ['reason']);
      expect((await read(t, id)).body.status).toBe('submitted');

      const res = await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: 'Covered by the national solution' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({ status: 'withdrawn', version: 3, withdrawalReason: 'Covered by the national solution' });
      expect(res.body.withdrawnAt).toEqual(expect.any(String));
      expect((await read(t, id)).body).toEqual(res.body);

      const again = await http().post(`/v1/proposals/${id}/withdraw`).set(h).send({ reason: 'Once more' });
      expectProblem(again, 409);
      expect((await read(t, id)).body.withdrawalReason).toBe('Covered by the national solution');
    });

    it('withdraws a draft, after which it can be neither amended nor submitted (409)', async () => {
      const created = await draft(t, { ...SUBMITTABLE, title: 'Withdrawn draft', departmentId: 'it' });
      const id = created.body.id;
      const withdrawn = await http().post(`/v1/proposals/${id}/withdraw`).set(h).set('If-Match', '"1"').send({ reason: 'Duplicate' });
      expect(withdrawn.status).toBe(200);

      expectProblem(await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"2"').send({ title: 'Revived' }), 409);
      expectProblem(await http().post(`/v1/proposals/${id}/submit`).set(h), 409);
      const after = await read(t, id);
      expect(after.etag).toBe('"2"');
      expect(after.body).toEqual(withdrawn.body);
    });

    it('refuses a stale If-Match with 409', async () => {
      const created = await draft(t, { title: 'Guarded withdraw', departmentId: 'it' });
      const id = created.body.id;
      await http().patch(`/v1/proposals/${id}`).set(h).set('If-Match', '"1"').send({ summary: 'changed' }).expect(200);
      const stale = await http().post(`/v1/proposals/${id}/withdraw`).set(h).set('If-Match', '"1"').send({ reason: 'Too late' });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await read(t, id)).body.status).toBe('draft');
    });
  });
});
