import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { ForumRankingPort } from '../../libs/governance/agendas/application/ports/forum-ranking.port.js';
import { ForumRankingReader } from '../../libs/prioritisation/application/forum-ranking.reader.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE, type Headers } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const viborg = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const HERNING_CRITERIA = ['legal_requirement', 'faces_citizens_or_businesses', 'gain_for_the_business', 'expected_economic_gain'];

/** Herning's scores in model order: legal requirement, faces citizens, gain for the business, economic gain. */
const herningScores = (legal: number, citizens: number, business: number, economic: number) => ({
  legal_requirement: legal,
  faces_citizens_or_businesses: citizens,
  gain_for_the_business: business,
  expected_economic_gain: economic,
});

/** Each scenario acts for its own organisation, so the rankings (all submitted proposals of one) do not mix. */
const orgHeaders = (organisation: string, subject = `pmo@${organisation}.dk`) => actorHeaders(subject, organisation, 'programme_office');

describe('prioritisation over HTTP: scoring models, scores, forum rankings', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_prioritisation');
  });
  afterAll(async () => t?.close());

  async function defineModel(forumId: string, headers: Headers = herning, body: Record<string, unknown> = { template: 'herning_default' }) {
    const res = await http().post('/v1/scoring-models').set(headers).send({ forumId, ...body });
    if (res.status !== 201) throw new Error(`define failed: ${res.status} ${res.text}`);
    return res;
  }

  /** Drafts and submits a proposal; answers its id and the position of the submission. */
  async function submitted(title: string, headers: Headers, developmentCost = 10_000_000) {
    const created = await draft(t, { ...SUBMITTABLE, investment: { developmentCost: { amountMinor: developmentCost, currency: 'DKK' } }, title, departmentId: 'it' }, headers);
    const res = await http().post(`/v1/proposals/${created.body.id}/submit`).set(headers);
    if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${res.text}`);
    return { id: created.body.id as string, position: res.headers['x-log-position'] as string };
  }

  async function score(proposalId: string, body: Record<string, unknown>, headers: Headers = herning) {
    return http().post(`/v1/proposals/${proposalId}/scores`).set(headers).send({ assessorKind: 'department', ...body });
  }

  async function scoreOk(proposalId: string, body: Record<string, unknown>, headers: Headers = herning) {
    const res = await score(proposalId, body, headers);
    if (res.status !== 201) throw new Error(`score failed: ${res.status} ${res.text}`);
    return res;
  }

  async function ranking(forumId: string, headers: Headers, minPosition: string, modelId?: string) {
    const req = http().get(`/v1/forums/${forumId}/ranking`).set(headers).set('X-Min-Position', minPosition);
    return modelId ? req.query({ modelId }) : req;
  }

  /** A write after the requests under test: once its position is in the read models, so is anything they wrongly wrote. */
  async function sentinel(headers: Headers = herning): Promise<string> {
    const res = await defineModel(`sentinel-${Math.random().toString(36).slice(2)}`, headers);
    return res.headers['x-log-position'];
  }

  describe('POST /v1/scoring-models', () => {
    it("defines a forum's model from Herning's template: 201, Location, ETag, the version in force", async () => {
      const res = await http().post('/v1/scoring-models').set(herning).send({ forumId: 'steering-group', template: 'herning_default' });

      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/scoring-models/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toMatchObject({
        organisationId: 'herning',
        forumId: 'steering-group',
        status: 'active',
        currentVersion: 1,
        version: 1,
        retirementReason: null,
        current: { modelId: res.body.id, version: 1, name: 'Herning: vigtige projekter', recordedBy: 'anna@herning.dk' },
      });
      expect(res.body.current.criteria.map((c: { id: string; weight: number }) => [c.id, c.weight])).toEqual(HERNING_CRITERIA.map((id) => [id, 1]));
      expect(res.body.current.mandatoryCriterion).toEqual({ criterionId: 'legal_requirement', minimumScore: 5 });
      expect(res.body.versions).toEqual([res.body.current]);

      const read = await http().get(res.headers.location).set(herning);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('defines a model from its criteria, and lists it for the forum', async () => {
      const res = await http()
        .post('/v1/scoring-models')
        .set(herning)
        .send({
          forumId: 'digital-board',
          name: 'Strategic fit',
          criteria: [
            { id: 'strategic_fit', label: 'Strategisk match', weight: 2, scale: { min: 1, max: 5 } },
            { id: 'readiness', label: 'Parathed', description: 'Organisationen er klar', weight: 1, scale: { min: 0, max: 10 } },
          ],
        });
      expect(res.status).toBe(201);
      expect(res.body.current).toMatchObject({ name: 'Strategic fit', mandatoryCriterion: null });
      expect(res.body.current.criteria[0]).toEqual({ id: 'strategic_fit', label: 'Strategisk match', description: '', weight: 2, scale: { min: 1, max: 5 } });

      const list = await http().get('/v1/scoring-models').query({ forumId: 'digital-board' }).set(herning).set('X-Min-Position', res.headers['x-log-position']);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id, name: 'Strategic fit', status: 'active', currentVersion: 1 })]);
    });

    const criterion = (overrides: Record<string, unknown> = {}) => ({ id: 'value', label: 'Value', weight: 1, scale: { min: 1, max: 5 }, ...overrides });
    const BAD: [string, Record<string, unknown>, number, string[]][] = [
      ['no forumId', { template: 'herning_default' }, 400, ['forumId']],
      ['a forumId with spaces', { forumId: 'steering group', template: 'herning_default' }, 400, ['forumId']],
      ['neither template nor criteria', { forumId: 'bad-input' }, 400, ['name', 'criteria']],
      ['an unknown template', { forumId: 'bad-input', template: 'aarhus' }, 400, ['template']],
      ['a template and criteria', { forumId: 'bad-input', template: 'herning_default', criteria: [criterion()] }, 400, ['criteria']],
      ['a weight that is text', { forumId: 'bad-input', name: 'M', criteria: [criterion({ weight: '1' })] }, 400, ['criteria.0.weight']],
      ['a criterion without a scale', { forumId: 'bad-input', name: 'M', criteria: [criterion({ scale: undefined })] }, 400, ['criteria.0.scale']],
      ['a scale without max', { forumId: 'bad-input', name: 'M', criteria: [criterion({ scale: { min: 1 } })] }, 400, ['criteria.0.scale.max']],
      ['an unknown field', { forumId: 'bad-input', template: 'herning_default', colour: 'blue' }, 400, ['colour']],
      ['no criteria at all', { forumId: 'bad-input', name: 'M', criteria: [] }, 422, ['criteria']],
      ['a weight of 0', { forumId: 'bad-input', name: 'M', criteria: [criterion({ weight: 0 })] }, 422, ['criteria.0.weight']],
      ['an upside-down scale', { forumId: 'bad-input', name: 'M', criteria: [criterion({ scale: { min: 5, max: 1 } })] }, 422, ['criteria.0.scale']],
      ['a criterion id in capitals', { forumId: 'bad-input', name: 'M', criteria: [criterion({ id: 'Value' })] }, 422, ['criteria.0.id']],
      ['two criteria with one id', { forumId: 'bad-input', name: 'M', criteria: [criterion(), criterion()] }, 422, ['criteria.1.id']],
      [
        'a mandatory criterion the model lacks',
        { forumId: 'bad-input', name: 'M', criteria: [criterion()], mandatoryCriterion: { criterionId: 'law', minimumScore: 5 } },
        422,
        ['mandatoryCriterion.criterionId'],
      ],
    ];

    it.each(BAD)('refuses %s with a problem naming the fields', async (_what, body, status, fields) => {
      const res = await http().post('/v1/scoring-models').set(herning).send(body);
      expectProblem(res, status, fields);
    });

    it('and none of the refused requests defined a model', async () => {
      const list = await http().get('/v1/scoring-models').query({ forumId: 'bad-input' }).set(herning).set('X-Min-Position', await sentinel());
      expect(list.body.items).toEqual([]);
    });

    it('replays the first answer to a retry with the same Idempotency-Key, defining one model', async () => {
      const body = { forumId: 'idempotent-forum', template: 'herning_default' };
      const first = await http().post('/v1/scoring-models').set(herning).set('Idempotency-Key', 'model-key-1').send(body);
      const retry = await http().post('/v1/scoring-models').set(herning).set('Idempotency-Key', 'model-key-1').send(body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.body).toEqual(first.body);
      const list = await http().get('/v1/scoring-models').query({ forumId: 'idempotent-forum' }).set(herning).set('X-Min-Position', await sentinel());
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([first.body.id]);
    });

    it('refuses a caller acting for no organisation', async () => {
      const res = await http().post('/v1/scoring-models').set(actorHeaders('someone', '')).send({ forumId: 'f', template: 'herning_default' });
      expectProblem(res, 403);
    });
  });

  describe('GET /v1/scoring-models/{id} and its versions', () => {
    it("another organisation's model, an unknown id and a malformed id are all 404", async () => {
      const model = await defineModel('scope-forum');
      for (const [path, headers] of [
        [`/v1/scoring-models/${model.body.id}`, viborg],
        [`/v1/scoring-models/${model.body.id}/versions/1`, viborg],
        [`/v1/scoring-models/${UNKNOWN}`, herning],
        ['/v1/scoring-models/not-a-uuid', herning],
        [`/v1/scoring-models/${model.body.id}/versions/2`, herning],
        [`/v1/scoring-models/${model.body.id}/versions/0`, herning],
        [`/v1/scoring-models/${model.body.id}/versions/x`, herning],
      ] as const) {
        expectProblem(await http().get(path).set(headers), 404);
      }
      const list = await http().get('/v1/scoring-models').query({ forumId: 'scope-forum' }).set(viborg).set('X-Min-Position', model.headers['x-log-position']);
      expect(list.body.items).toEqual([]);
    });

    it('answers 304 to If-None-Match with the current ETag', async () => {
      const model = await defineModel('etag-forum');
      const res = await http().get(`/v1/scoring-models/${model.body.id}`).set(herning).set('If-None-Match', '"1"');
      expect(res.status).toBe(304);
    });
  });

  describe('PUT /v1/scoring-models/{id} (revise) and POST .../retire', () => {
    const economyFirst = {
      name: 'Herning: economy first',
      criteria: HERNING_CRITERIA.map((id, i) => ({ id, label: id, weight: i === 3 ? 3 : 1, scale: { min: 1, max: 5 } })),
      mandatoryCriterion: { criterionId: 'legal_requirement', minimumScore: 5 },
      reason: 'Economic gain weighs triple from 2027',
    };

    it('needs If-Match (428) and a fresh one (409), and then records a new version; old versions stay readable', async () => {
      const model = await defineModel('revise-forum');
      const id = model.body.id;

      expectProblem(await http().put(`/v1/scoring-models/${id}`).set(herning).send(economyFirst), 428);
      const stale = await http().put(`/v1/scoring-models/${id}`).set(herning).set('If-Match', '"7"').send(economyFirst);
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(1);
      expectProblem(await http().put(`/v1/scoring-models/${id}`).set(herning).set('If-Match', '"1"').send({ ...economyFirst, criteria: [] }), 422, ['criteria']);
      expect((await http().get(`/v1/scoring-models/${id}`).set(herning)).body.currentVersion).toBe(1);

      const revised = await http().put(`/v1/scoring-models/${id}`).set(herning).set('If-Match', '"1"').send(economyFirst);
      expect(revised.status).toBe(200);
      expect(revised.headers.etag).toBe('"2"');
      expect(revised.body).toMatchObject({ currentVersion: 2, version: 2, current: { version: 2, name: 'Herning: economy first', reason: economyFirst.reason } });
      expect(revised.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

      const v1 = await http().get(`/v1/scoring-models/${id}/versions/1`).set(herning);
      expect(v1.status).toBe(200);
      expect(v1.body).toEqual(model.body.current);
      const v2 = await http().get(`/v1/scoring-models/${id}/versions/2`).set(herning);
      expect(v2.body.criteria[3].weight).toBe(3);

      // the same content again mints no version that differs in number only
      const again = await http().put(`/v1/scoring-models/${id}`).set(herning).set('If-Match', '"2"').send(economyFirst);
      expect(again.status).toBe(200);
      expect(again.headers['x-log-position']).toBeUndefined();
      expect(again.body.currentVersion).toBe(2);

      expectProblem(await http().put(`/v1/scoring-models/${id}`).set(viborg).set('If-Match', '"2"').send(economyFirst), 404);
    });

    it('retires a model with a reason; a retired model takes no revision, no second retirement and no scores', async () => {
      const model = await defineModel('retire-forum');
      const id = model.body.id;
      expectProblem(await http().post(`/v1/scoring-models/${id}/retire`).set(herning).send({}), 400, ['reason']);
      expectProblem(await http().post(`/v1/scoring-models/${id}/retire`).set(viborg).send({ reason: 'x' }), 404);

      const retired = await http().post(`/v1/scoring-models/${id}/retire`).set(herning).set('If-Match', '"1"').send({ reason: 'Replaced by the joint model' });
      expect(retired.status).toBe(200);
      expect(retired.headers.etag).toBe('"2"');
      expect(retired.body).toMatchObject({ status: 'retired', retirementReason: 'Replaced by the joint model', currentVersion: 1 });
      expect(retired.body.retiredAt).toEqual(expect.any(String));

      expectProblem(await http().put(`/v1/scoring-models/${id}`).set(herning).set('If-Match', '"2"').send({ template: 'herning_default', name: 'New' }), 409);
      expectProblem(await http().post(`/v1/scoring-models/${id}/retire`).set(herning).send({ reason: 'again' }), 409);
      const proposal = await submitted('Scored against a retired model', herning);
      const res = await score(proposal.id, { forumId: 'retire-forum', modelId: id, modelVersion: 1, scores: herningScores(1, 1, 1, 1) });
      expectProblem(res, 409);
    });
  });

  describe('POST and GET /v1/proposals/{id}/scores', () => {
    let modelId: string;
    let proposalId: string;
    const forumId = 'scores-forum';
    beforeAll(async () => {
      modelId = (await defineModel(forumId)).body.id;
      proposalId = (await submitted('Digital mail', herning)).id;
    });

    it('records an assessment by the acting person: 201, the scorecard with history and effective scores', async () => {
      const res = await score(proposalId, { forumId, modelId, modelVersion: 1, scores: herningScores(5, 4, 3, 2), rationale: 'Required by law' });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/v1/proposals/${proposalId}/scores?forumId=${forumId}`);
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      const assessment = {
        modelId,
        modelVersion: 1,
        assessor: { kind: 'department', subject: 'anna@herning.dk' },
        scores: herningScores(5, 4, 3, 2),
        rationale: 'Required by law',
        sequence: 1,
        recordedBy: 'anna@herning.dk',
        recordedAt: expect.any(String),
      };
      expect(res.body).toEqual({
        proposalId,
        forumId,
        version: 1,
        latestByAssessor: { department: assessment },
        history: [assessment],
        effective: [
          { modelId, modelVersion: 1, modelStatus: 'active', scoreSet: assessment, weightedScore: { numerator: 14, denominator: 4, normalised: '62.50' } },
        ],
      });
      const read = await http().get(`/v1/proposals/${proposalId}/scores`).query({ forumId }).set(herning);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('replays a retry with the same Idempotency-Key, and records nothing new for the same assessment without one', async () => {
      const body = { forumId, modelId, modelVersion: 1, assessorKind: 'programme_office', scores: herningScores(4, 4, 4, 4) };
      const first = await http().post(`/v1/proposals/${proposalId}/scores`).set(herning).set('Idempotency-Key', 'score-key-1').send(body);
      const retry = await http().post(`/v1/proposals/${proposalId}/scores`).set(herning).set('Idempotency-Key', 'score-key-1').send(body);
      expect(first.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const repeat = await http().post(`/v1/proposals/${proposalId}/scores`).set(herning).send(body);
      expect(repeat.status).toBe(200);
      expect(repeat.headers['x-log-position']).toBeUndefined();
      expect(repeat.body.history).toHaveLength(first.body.history.length);
    });

    it('keeps every assessment; the forum\'s own counts before the programme office\'s, before the department\'s', async () => {
      const res = await score(proposalId, { forumId, modelId, modelVersion: 1, assessorKind: 'forum', scores: herningScores(3, 3, 3, 3) });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body.latestByAssessor).sort()).toEqual(['department', 'forum', 'programme_office']);
      expect(res.body.history.map((s: { assessor: { kind: string } }) => s.assessor.kind)).toEqual(['department', 'programme_office', 'forum']);
      expect(res.body.effective[0].scoreSet.assessor.kind).toBe('forum');
      expect(res.body.effective[0].weightedScore).toEqual({ numerator: 12, denominator: 4, normalised: '50.00' });
    });

    const BAD: [string, Record<string, unknown>, number, string[]][] = [
      ['no forumId', { forumId: undefined, scores: herningScores(1, 1, 1, 1) }, 400, ['forumId']],
      ['a modelId that is no UUID', { modelId: 'herning', scores: herningScores(1, 1, 1, 1) }, 400, ['modelId']],
      ['model version 0', { modelVersion: 0, scores: herningScores(1, 1, 1, 1) }, 400, ['modelVersion']],
      ['an unknown assessor kind', { assessorKind: 'mayor', scores: herningScores(1, 1, 1, 1) }, 400, ['assessorKind']],
      ['scores that are a list', { scores: [1, 2, 3, 4] }, 400, ['scores']],
      ['a score with a fraction', { scores: { ...herningScores(1, 1, 1, 1), legal_requirement: 3.5 } }, 400, ['scores.legal_requirement']],
      ['a score as text', { scores: { ...herningScores(1, 1, 1, 1), gain_for_the_business: 'high' } }, 400, ['scores.gain_for_the_business']],
      ['a score above the scale', { scores: herningScores(6, 1, 1, 1) }, 422, ['scores.legal_requirement']],
      ['a criterion left out', { scores: { legal_requirement: 1, faces_citizens_or_businesses: 1, gain_for_the_business: 1 } }, 422, ['scores.expected_economic_gain']],
      ['an unknown criterion', { scores: { ...herningScores(1, 1, 1, 1), beauty: 5 } }, 422, ['scores.beauty']],
      ['a model version that does not exist', { modelVersion: 9, scores: herningScores(1, 1, 1, 1) }, 422, ['modelVersion']],
      ['an unknown model', { modelId: UNKNOWN, scores: herningScores(1, 1, 1, 1) }, 422, ['modelId']],
      ['a model of another forum', { forumId: 'other-forum', scores: herningScores(1, 1, 1, 1) }, 422, ['modelId']],
    ];

    it.each(BAD)('refuses %s, and records nothing', async (_what, overrides, status, fields) => {
      const before = await http().get(`/v1/proposals/${proposalId}/scores`).query({ forumId }).set(herning);
      const res = await score(proposalId, { forumId, modelId, modelVersion: 1, ...overrides });
      expectProblem(res, status, fields);
      const after = await http().get(`/v1/proposals/${proposalId}/scores`).query({ forumId }).set(herning);
      expect(after.body.history).toEqual(before.body.history);
    });

    it("another organisation's proposal or model, an unknown or malformed proposal id: 404 or 422, nothing recorded", async () => {
      const body = { forumId, modelId, modelVersion: 1, scores: herningScores(2, 2, 2, 2) };
      expectProblem(await score(proposalId, body, viborg), 404);
      expectProblem(await score(UNKNOWN, body), 404);
      expectProblem(await score('not-a-uuid', body), 404);
      const viborgProposal = await submitted('Viborg proposal', viborg);
      expectProblem(await score(viborgProposal.id, body, viborg), 422, ['modelId']);
      expectProblem(await http().get(`/v1/proposals/${proposalId}/scores`).query({ forumId }).set(viborg), 404);
      expectProblem(await http().get(`/v1/proposals/${proposalId}/scores`).set(herning), 400, ['forumId']);
      expectProblem(await http().get(`/v1/proposals/${proposalId}/scores`).query({ forumId, modelId: UNKNOWN }).set(herning), 404);
    });

    it('refuses to score a withdrawn proposal (409); a draft may be scored', async () => {
      const withdrawn = await submitted('Withdrawn', herning);
      await http().post(`/v1/proposals/${withdrawn.id}/withdraw`).set(herning).send({ reason: 'Covered by the national solution' });
      expectProblem(await score(withdrawn.id, { forumId, modelId, modelVersion: 1, scores: herningScores(1, 1, 1, 1) }), 409);
      const drafted = await draft(t, { title: 'Draft', departmentId: 'it' }, herning);
      expect((await score(drafted.body.id, { forumId, modelId, modelVersion: 1, scores: herningScores(1, 1, 1, 1) })).status).toBe(201);
    });
  });

  describe('GET /v1/forums/{forumId}/ranking', () => {
    it("ranks the submitted proposals with Herning's four criteria: mandatory first, exact ties broken by criterion, then submission", async () => {
      const h = orgHeaders('ties');
      const forumId = 'steering-group';
      const modelId = (await defineModel(forumId, h)).body.id;
      const p = {
        // mandatory (legal requirement 5) although its weighted score is low
        law: await submitted('Required by law', h, 50_000_000),
        // 16/4 each for the next three: broken by legal_requirement, then by submission time
        strong: await submitted('Strong on law', h, 20_000_000),
        early: await submitted('Citizens first, early', h),
        // a few milliseconds later, so the submission times differ
        late: await new Promise((r) => setTimeout(r, 5)).then(() => submitted('Citizens first, late', h)),
        weak: await submitted('Weak', h),
        unscored: await submitted('Not yet scored', h),
        withdrawn: await submitted('Withdrawn after scoring', h),
      };
      const drafted = await draft(t, { title: 'Only a draft', departmentId: 'it' }, h);
      const scores: [string, ReturnType<typeof herningScores>][] = [
        [p.law.id, herningScores(5, 1, 1, 1)],
        [p.strong.id, herningScores(4, 4, 4, 4)],
        [p.early.id, herningScores(3, 5, 4, 4)],
        [p.late.id, herningScores(3, 5, 4, 4)],
        [p.weak.id, herningScores(2, 2, 2, 2)],
        [p.withdrawn.id, herningScores(5, 5, 5, 5)],
        [drafted.body.id, herningScores(5, 5, 5, 5)],
      ];
      for (const [id, s] of scores) await scoreOk(id, { forumId, modelId, modelVersion: 1, scores: s }, h);
      const withdrawal = await http().post(`/v1/proposals/${p.withdrawn.id}/withdraw`).set(h).send({ reason: 'Merged into another' });

      const res = await ranking(forumId, h, withdrawal.headers['x-log-position']);
      expect(res.status).toBe(200);
      expect(res.body.rows.map((r: { title: string }) => r.title)).toEqual([
        'Required by law',
        'Strong on law',
        'Citizens first, early',
        'Citizens first, late',
        'Weak',
      ]);
      expect(res.body.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);
      expect(res.body.rows.map((r: { decidedBy: unknown }) => r.decidedBy)).toEqual([
        { rule: 'first', criterionId: null },
        { rule: 'mandatory', criterionId: null },
        { rule: 'criterion', criterionId: 'legal_requirement' },
        { rule: 'submitted_at', criterionId: null },
        { rule: 'weighted_score', criterionId: null },
      ]);
      expect(res.body.rows[0]).toEqual({
        rank: 1,
        proposalId: p.law.id,
        title: 'Required by law',
        departmentId: 'it',
        requestedAmount: { amountMinor: 50_000_000, currency: 'DKK' },
        submittedAt: expect.any(String),
        mandatory: true,
        scores: Object.entries(herningScores(5, 1, 1, 1)).map(([criterionId, score]) => ({ criterionId, score, weight: 1 })),
        weightedScore: { numerator: 8, denominator: 4, normalised: '25.00' },
        decidedBy: { rule: 'first', criterionId: null },
        tieBreak: expect.stringContaining('Ranked first'),
      });
      expect(res.body.rows[1]).toMatchObject({ mandatory: false, weightedScore: { numerator: 16, denominator: 4, normalised: '75.00' } });
      expect(res.body.rows[2].weightedScore).toEqual(res.body.rows[1].weightedScore);
      expect(res.body.rows[2].tieBreak).toContain('lower on legal_requirement');
      expect(res.body.rows[3].tieBreak).toContain('submitted later');
      expect(res.body.unscored).toEqual([expect.objectContaining({ proposalId: p.unscored.id, title: 'Not yet scored' })]);
      expect(res.body).toMatchObject({
        organisationId: 'ties',
        forumId,
        selection: 'all_submitted_proposals_of_the_organisation',
        model: { modelId, version: 1, status: 'active' },
        basis: { forumId, modelId, modelVersion: 1, rulesVersion: 1, inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });

      // the application service the agenda freeze binds its port to (`useExisting: ForumRankingReader`) answers exactly
      // what the API shows, and its types fit the port
      const reader: ForumRankingPort = t.app.get(ForumRankingReader);
      expect(JSON.parse(JSON.stringify(await reader.rank('ties', forumId)))).toEqual(res.body);
      expect(await reader.rank('ties', 'no-such-forum')).toBeNull();
      expect(await reader.rank('viborg', forumId, modelId)).toBeNull();
      // the same inputs give the same hash; another organisation sees none of it
      expect((await ranking(forumId, h, withdrawal.headers['x-log-position'], modelId)).body.basis).toEqual(res.body.basis);
      expectProblem(await ranking(forumId, viborg, withdrawal.headers['x-log-position'], modelId), 404);
      const viborgModel = await defineModel(forumId, viborg);
      const viborgRanking = await ranking(forumId, viborg, viborgModel.headers['x-log-position']);
      expect(viborgRanking.body.rows).toEqual([]);
      expect(viborgRanking.body.unscored.map((u: { title: string }) => u.title)).not.toContain('Not yet scored');

      // the read models are disposable: rebuilt from the log, they give the identical ranking
      const runtime = t.app.get(ProjectionRuntime);
      await runtime.rebuild('forum_rankings');
      await runtime.rebuild('scoring_models');
      expect((await ranking(forumId, h, withdrawal.headers['x-log-position'])).body).toEqual(res.body);
    });

    it('under a revised model version the old scores do not count: the ranking states the new version', async () => {
      const h = orgHeaders('revision');
      const forumId = 'steering-group';
      const model = await defineModel(forumId, h);
      const modelId = model.body.id;
      const a = await submitted('A', h);
      const b = await submitted('B', h);
      await scoreOk(a.id, { forumId, modelId, modelVersion: 1, scores: herningScores(1, 4, 4, 1) }, h);
      const scoredB = await scoreOk(b.id, { forumId, modelId, modelVersion: 1, scores: herningScores(1, 1, 1, 5) }, h);
      const v1 = await ranking(forumId, h, scoredB.headers['x-log-position']);
      expect(v1.body.rows.map((r: { title: string }) => r.title)).toEqual(['A', 'B']);

      const criteria = HERNING_CRITERIA.map((id, i) => ({ id, label: id, weight: i === 3 ? 3 : 1, scale: { min: 1, max: 5 } }));
      const revised = await http().put(`/v1/scoring-models/${modelId}`).set(h).set('If-Match', '"1"').send({ name: 'Economy first', criteria });
      expect(revised.status).toBe(200);

      const v2 = await ranking(forumId, h, revised.headers['x-log-position']);
      expect(v2.body.basis).toMatchObject({ modelId, modelVersion: 2 });
      expect(v2.body.model.version).toBe(2);
      expect(v2.body.rows).toEqual([]);
      expect(v2.body.unscored.map((u: { title: string }) => u.title).sort()).toEqual(['A', 'B']);
      expect(v2.body.basis.inputsHash).not.toBe(v1.body.basis.inputsHash);

      // scoring against the superseded version is refused; against the new one, B now leads
      const outdated = await score(a.id, { forumId, modelId, modelVersion: 1, scores: herningScores(1, 4, 4, 1) }, h);
      expectProblem(outdated, 409, ['modelVersion']);
      expect(outdated.body.currentVersion).toBe(2);
      await scoreOk(a.id, { forumId, modelId, modelVersion: 2, scores: herningScores(1, 4, 4, 1) }, h);
      const rescored = await scoreOk(b.id, { forumId, modelId, modelVersion: 2, scores: herningScores(1, 1, 1, 5) }, h);
      const after = await ranking(forumId, h, rescored.headers['x-log-position']);
      expect(after.body.rows.map((r: { title: string; weightedScore: { numerator: number } }) => [r.title, r.weightedScore.numerator])).toEqual([
        ['B', 18],
        ['A', 12],
      ]);

      // the scorecard keeps the old assessment, but only the new one is effective
      const card = await http().get(`/v1/proposals/${a.id}/scores`).query({ forumId }).set(h);
      expect(card.body.history.map((s: { modelVersion: number }) => s.modelVersion)).toEqual([1, 2]);
      expect(card.body.effective[0]).toMatchObject({ modelVersion: 2, scoreSet: { modelVersion: 2, sequence: 2 } });
    });

    it('needs a model: none is 404, several active ones 409 unless one is named, one of another forum 422', async () => {
      const h = orgHeaders('models');
      const position = (await submitted('Anything', h)).position;
      expectProblem(await ranking('no-model-forum', h, position), 404);
      const first = await defineModel('two-models', h);
      const second = await defineModel('two-models', h);
      const ambiguous = await ranking('two-models', h, second.headers['x-log-position']);
      expectProblem(ambiguous, 409, ['modelId']);
      expect([...ambiguous.body.modelIds].sort()).toEqual([first.body.id, second.body.id].sort());
      const named = await ranking('two-models', h, second.headers['x-log-position'], first.body.id);
      expect(named.status).toBe(200);
      expect(named.body.basis.modelId).toBe(first.body.id);
      expectProblem(await ranking('another-forum', h, second.headers['x-log-position'], first.body.id), 422, ['modelId']);
      expectProblem(await http().get('/v1/forums/two-models/ranking').query({ modelId: 'x' }).set(h), 400, ['modelId']);
      expectProblem(await http().get('/v1/forums/two%20models/ranking').set(h), 404);
      expectProblem(await http().get('/v1/forums/two-models/ranking').set('X-Min-Position', 'soon').set(h), 400, ['X-Min-Position']);

      // retiring one of them makes the other the forum's model again
      const retired = await http().post(`/v1/scoring-models/${second.body.id}/retire`).set(h).send({ reason: 'Duplicate' });
      const resolved = await ranking('two-models', h, retired.headers['x-log-position']);
      expect(resolved.status).toBe(200);
      expect(resolved.body.basis.modelId).toBe(first.body.id);
    });
  });
});
