import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/index.js';
import { gateRulesStream } from '../../libs/governance/domain/decisions/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const ORG = 'gate-town';
const pmo = actorHeaders('pia@gate-town.dk', ORG, 'programme_office');
const auditor = actorHeaders('aud@gate-town.dk', ORG, 'auditor');
const stranger = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const MEMBERS = ['karen', 'ole', 'mette'];
const FOR_ALL = MEMBERS.map((memberId) => ({ memberId, vote: 'for' }));
const BASE = `/v1/organisations/${ORG}/gate-rules`;

/** Today in Copenhagen (the calendar the rules are read in), moved by whole days. */
function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

const TODAY = day(0);
/** The stricter rules take effect ten days from now. */
const EFFECTIVE = day(10);
/** Ideas go to analysis only with a weighted score of at least 60.00 (the default asks for a score, of any size). */
const STRICTER = {
  'idea->analysis': { requiresScoring: true, minimumWeightedScore: '60.00' },
  'analysis->execution': { requiresScoring: true, minimumWeightedScore: '50.00', maximumAmountWithoutBusinessCase: { amountMinor: 25_000_000, currency: 'DKK' } },
  'execution->realisation': { requiresBenefitOwner: true },
};

describe('gate rules as configuration with an effective date, set through the API', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let store: EventStore;
  let forumId: string;
  let modelId: string;

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  const adopt = (body: Record<string, unknown>, ifMatch: string | null = '*', key?: string) => {
    const req = http().post(BASE).set(pmo);
    if (ifMatch !== null) req.set('If-Match', ifMatch);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const adoptedEvents = async () => (await store.readStream(gateRulesStream(ORG))).map((e) => e.data);

  /** A submitted proposal, scored the same on Herning's four criteria (3: "50.00", 4: "75.00"). */
  async function scoredProposal(title: string, score: number): Promise<{ id: string; position: string }> {
    const id = (await draft(t, { ...SUBMITTABLE, title, departmentId: 'it' }, pmo)).body.id as string;
    await ok(http().post(`/v1/proposals/${id}/submit`).set(pmo), 200);
    const scores = { legal_requirement: score, faces_citizens_or_businesses: score, gain_for_the_business: score, expected_economic_gain: score };
    const res = await ok(http().post(`/v1/proposals/${id}/scores`).set(pmo).send({ assessorKind: 'department', forumId, modelId, modelVersion: 1, scores }), 201);
    return { id, position: res.headers['x-log-position'] };
  }

  async function meetingWithFrozenAgenda(date: string, items: string[]): Promise<string> {
    const meeting = await ok(http().post(`/v1/forums/${forumId}/meetings`).set(pmo).send({ date, time: '10:00' }), 201);
    expect(meeting.body.startsAt.slice(0, 10)).toBe(date);
    const meetingId = meeting.body.meetingId as string;
    await ok(http().post(`/v1/meetings/${meetingId}/agenda`).set(pmo), 201);
    for (const proposalId of items) {
      await ok(http().post(`/v1/meetings/${meetingId}/agenda/items`).set(pmo).send({ kind: 'decision', title: `Decide ${proposalId}`, proposalId, decisionAsked: 'approve' }), 201);
    }
    await ok(http().post(`/v1/meetings/${meetingId}/agenda/freeze`).set(pmo).send({}), 201);
    return meetingId;
  }

  const toAnalysis = (meetingId: string, proposalId: string) =>
    http().post(`/v1/meetings/${meetingId}/decisions`).set(pmo).send({ proposalId, kind: 'approve', rationale: 'Analyse it', agendaRevision: 1, votes: FOR_ALL });

  beforeAll(async () => {
    t = await startTestApp('e2e_gate_rules');
    store = t.app.get<EventStore>(EVENT_STORE);
    await ok(http().post('/v1/organisations').set(pmo).send({ id: ORG, name: 'Gate Town', kind: 'municipality' }), 201);
    const mandate = { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null };
    const rule = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
    forumId = (await ok(http().post('/v1/forums').set(pmo).send({ name: 'Styregruppen', kind: 'steering_group', mandate, decisionRule: rule }), 201)).body.id;
    for (const [index, memberId] of MEMBERS.entries()) {
      await ok(http().post(`/v1/forums/${forumId}/members`).set(pmo).send({ memberId, person: { name: memberId }, role: index === 0 ? 'chair' : 'member', from: TODAY }), 201);
    }
    modelId = (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId, template: 'herning_default' }), 201)).body.id;
  });
  afterAll(async () => t?.close());

  describe('before any adoption', () => {
    it('every organisation has the built-in default as version 1, in force today; ETag "0"', async () => {
      const res = await ok(http().get(BASE).set(auditor), 200);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toEqual({
        organisationId: ORG,
        timeZone: 'Europe/Copenhagen',
        today: TODAY,
        inForceToday: 1,
        version: 0,
        ruleSets: [
          {
            version: 1,
            effectiveFrom: '2000-01-01',
            gates: expect.objectContaining({ 'analysis->execution': expect.objectContaining({ minimumWeightedScore: '40.00' }) }),
            builtIn: true,
            adoptedAt: null,
            adoptedBy: null,
            reason: null,
            link: `${BASE}/1`,
          },
        ],
      });
      expect((await ok(http().get(`${BASE}/in-force`).set(pmo), 200)).body).toMatchObject({ on: TODAY, ruleSet: { version: 1 } });
    });
  });

  describe('POST /v1/organisations/{id}/gate-rules: bad input is a problem and changes nothing', () => {
    const valid = { effectiveFrom: EFFECTIVE, gates: STRICTER };
    const BAD: [string, Record<string, unknown>, number, string[]][] = [
      ['an unknown transition', { ...valid, gates: { 'idea->execution': { requiresScoring: true } } }, 400, ['gates.idea->execution']],
      [
        'a negative amount',
        { ...valid, gates: { 'analysis->execution': { maximumAmountWithoutBusinessCase: { amountMinor: -1, currency: 'DKK' } } } },
        400,
        ['gates.analysis->execution.maximumAmountWithoutBusinessCase.amountMinor'],
      ],
      [
        'an amount in an unknown currency',
        { ...valid, gates: { 'analysis->execution': { maximumAmountWithoutBusinessCase: { amountMinor: 1, currency: 'SEK' } } } },
        400,
        ['gates.analysis->execution.maximumAmountWithoutBusinessCase.currency'],
      ],
      ['a score out of range', { ...valid, gates: { 'idea->analysis': { minimumWeightedScore: '100.01' } } }, 400, ['gates.idea->analysis.minimumWeightedScore']],
      ['a score with one decimal', { ...valid, gates: { 'idea->analysis': { minimumWeightedScore: '60.5' } } }, 400, ['gates.idea->analysis.minimumWeightedScore']],
      ['a score as a number', { ...valid, gates: { 'idea->analysis': { minimumWeightedScore: 60 } } }, 400, ['gates.idea->analysis.minimumWeightedScore']],
      ['a flag as text', { ...valid, gates: { 'execution->realisation': { requiresBenefitOwner: 'yes' } } }, 400, ['gates.execution->realisation.requiresBenefitOwner']],
      ['an unknown rule', { ...valid, gates: { 'idea->analysis': { requiresLawyer: true } } }, 400, ['gates.idea->analysis.requiresLawyer']],
      ['a date that does not exist', { ...valid, effectiveFrom: '2031-02-30' }, 400, ['effectiveFrom']],
      ['a date in another format', { ...valid, effectiveFrom: '01-03-2031' }, 400, ['effectiveFrom']],
      ['no gates', { effectiveFrom: EFFECTIVE }, 400, ['gates']],
      ['gates as a list', { ...valid, gates: [] }, 400, ['gates']],
      ['a blank reason', { ...valid, reason: ' ' }, 400, ['reason']],
      ['a set taking effect yesterday', { ...valid, effectiveFrom: day(-1) }, 422, ['effectiveFrom']],
    ];

    it.each(BAD)('refuses %s, naming the field', async (_what, body, status, fields) => {
      expectProblem(await adopt(body), status, fields);
    });

    it('says how early a set may take effect', async () => {
      const res = await adopt({ ...valid, effectiveFrom: day(-1) });
      expect(res.body).toMatchObject({ code: 'gate_rule_set_backdated', earliestEffectiveFrom: TODAY, because: 'before_today' });
    });

    it('needs If-Match (428 without it), of the register as last read (409 when stale)', async () => {
      expectProblem(await adopt(valid, null), 428, ['If-Match']);
      const stale = await adopt(valid, '"3"');
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(0);
    });

    it('and none of them wrote an event', async () => {
      expect(await adoptedEvents()).toEqual([]);
      expect((await ok(http().get(BASE).set(pmo), 200)).headers.etag).toBe('"0"');
    });

    it("another organisation's register, or one that does not exist, is not found", async () => {
      expectProblem(await http().get(BASE).set(stranger), 404);
      expectProblem(await http().post(BASE).set(stranger).set('If-Match', '*').send(valid), 404);
      const nowhere = actorHeaders('x@nowhere.dk', 'nowhere', 'programme_office');
      expectProblem(await http().get('/v1/organisations/nowhere/gate-rules').set(nowhere), 404);
      expectProblem(await http().get('/v1/organisations/NOT_A_SLUG/gate-rules').set(pmo), 404);
      expect(await adoptedEvents()).toEqual([]);
    });
  });

  describe('a set adopted for a future day judges decisions at meetings on or after that day, not before', () => {
    let before: { id: string };
    let weak: { id: string };
    let strong: { id: string; position: string };
    let meetingBefore: string;
    let meetingOn: string;
    let adopted: request.Response;
    let approvedBefore: request.Response;
    let approvedOn: request.Response;

    beforeAll(async () => {
      before = await scoredProposal('Digital mail', 3);
      weak = await scoredProposal('Room booking', 3);
      strong = await scoredProposal('Payroll robot', 4);
      // the agenda is assembled from the ranking read model: let it catch up with the last score
      const ranking = await ok(http().get(`/v1/forums/${forumId}/ranking`).set(pmo).set('X-Min-Position', strong.position), 200);
      expect(ranking.body.rows).toHaveLength(3);
      meetingBefore = await meetingWithFrozenAgenda(day(9), [before.id]);
      meetingOn = await meetingWithFrozenAgenda(EFFECTIVE, [weak.id, strong.id]);
    });

    it('adopts the set: 201, Location, the new ETag; a retry with the same Idempotency-Key adopts once', async () => {
      const body = { effectiveFrom: EFFECTIVE, gates: STRICTER, reason: 'The directorate raised the bar for analysis' };
      adopted = await adopt(body, '"0"', 'gate-rules-2');
      expect(adopted.status).toBe(201);
      expect(adopted.headers.location).toBe(`${BASE}/2`);
      expect(adopted.headers.etag).toBe('"1"');
      expect(adopted.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(adopted.body).toEqual({
        version: 2,
        effectiveFrom: EFFECTIVE,
        gates: STRICTER,
        builtIn: false,
        adoptedAt: expect.any(String),
        adoptedBy: 'pia@gate-town.dk',
        reason: 'The directorate raised the bar for analysis',
        link: `${BASE}/2`,
      });
      const retry = await adopt(body, '"0"', 'gate-rules-2');
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(adopted.body);
      expect(await adoptedEvents()).toEqual([{ organisationId: ORG, version: 2, effectiveFrom: EFFECTIVE, gates: STRICTER }]);
    });

    it('lists the sets with their versions; the default stays in force until the day; reads a set by version and on a day', async () => {
      const list = await ok(http().get(BASE).set(pmo), 200);
      expect(list.headers.etag).toBe('"1"');
      expect(list.body).toMatchObject({ inForceToday: 1, version: 1 });
      expect(list.body.ruleSets.map((s: { version: number; effectiveFrom: string }) => [s.version, s.effectiveFrom])).toEqual([
        [1, '2000-01-01'],
        [2, EFFECTIVE],
      ]);
      expect(list.body.ruleSets[1]).toEqual(adopted.body);
      expect((await http().get(BASE).set(pmo).set('If-None-Match', '"1"')).status).toBe(304);

      expect((await ok(http().get(`${BASE}/2`).set(auditor), 200)).body).toEqual(adopted.body);
      expect((await ok(http().get(`${BASE}/in-force`).query({ on: day(9) }).set(pmo), 200)).body).toMatchObject({ on: day(9), ruleSet: { version: 1 } });
      const onTheDay = await ok(http().get(`${BASE}/in-force`).query({ on: EFFECTIVE }).set(pmo), 200);
      expect(onTheDay.headers.etag).toBe('"1"');
      expect(onTheDay.body).toEqual({ on: EFFECTIVE, ruleSet: adopted.body, version: 1 });
      expect((await ok(http().get(`${BASE}/in-force`).set(pmo), 200)).body).toMatchObject({ on: TODAY, ruleSet: { version: 1 } });

      expectProblem(await http().get(`${BASE}/3`).set(pmo), 404, ['version']);
      expectProblem(await http().get(`${BASE}/0`).set(pmo), 404, ['version']);
      expectProblem(await http().get(`${BASE}/in-force`).query({ on: '2031-02-30' }).set(pmo), 400, ['on']);
      expectProblem(await http().get(`${BASE}/in-force`).query({ on: '1999-12-31' }).set(pmo), 422);
    });

    it('a meeting the day before: judged by the default, which asks only for a score; the decision records version 1', async () => {
      approvedBefore = await toAnalysis(meetingBefore, before.id);
      expect(approvedBefore.status).toBe(201);
      expect(approvedBefore.body).toMatchObject({ from: 'idea', to: 'analysis', heldOn: day(9) });
      expect(approvedBefore.body.basis.gateRules).toEqual({ version: 1, effectiveFrom: '2000-01-01', transition: 'idea->analysis', rule: { requiresScoring: true } });
    });

    it('a meeting on the day: the new set refuses a score of 50.00, names the set, and records nothing', async () => {
      const refused = await toAnalysis(meetingOn, weak.id);
      expectProblem(refused, 422);
      expect(refused.body).toMatchObject({
        code: 'gate_not_passed',
        transition: 'idea->analysis',
        ruleSetVersion: 2,
        effectiveFrom: EFFECTIVE,
        reasons: [{ code: 'score_below_minimum', weightedScore: '50.00', minimum: '60.00' }],
      });
      expect((await ok(http().get(`/v1/projects/${weak.id}`).set(pmo), 200)).body).toMatchObject({ status: 'idea', decisions: [] });
    });

    it('a meeting on the day: a score of 75.00 passes, and the decision records version 2 with its rule', async () => {
      approvedOn = await toAnalysis(meetingOn, strong.id);
      expect(approvedOn.status).toBe(201);
      expect(approvedOn.body.basis.gateRules).toEqual({ version: 2, effectiveFrom: EFFECTIVE, transition: 'idea->analysis', rule: STRICTER['idea->analysis'] });
    });

    it('no retroactive change: a set before the latest one is refused; a correction the same day takes over for later decisions only', async () => {
      const backdated = await adopt({ effectiveFrom: day(5), gates: {} }, '"1"');
      expectProblem(backdated, 422, ['effectiveFrom']);
      expect(backdated.body).toMatchObject({ earliestEffectiveFrom: EFFECTIVE, because: 'before_latest_set' });
      expect(await adoptedEvents()).toHaveLength(1);

      const correction = await adopt({ effectiveFrom: EFFECTIVE, gates: { 'idea->analysis': { requiresScoring: true } } }, '"1"');
      expect(correction.status).toBe(201);
      expect(correction.body).toMatchObject({ version: 3, effectiveFrom: EFFECTIVE });
      expect((await ok(http().get(`${BASE}/in-force`).query({ on: EFFECTIVE }).set(pmo), 200)).body.ruleSet.version).toBe(3);

      // decisions already taken keep the set they were judged by
      const decisions = async (proposalId: string) => (await ok(http().get(`/v1/projects/${proposalId}`).set(pmo), 200)).body.decisions;
      expect((await decisions(before.id))[0].basis.gateRules).toEqual(approvedBefore.body.basis.gateRules);
      expect((await decisions(strong.id))[0].basis.gateRules).toEqual(approvedOn.body.basis.gateRules);
      // and the proposal the stricter set refused passes under the correction
      const later = await toAnalysis(meetingOn, weak.id);
      expect(later.status).toBe(201);
      expect(later.body.basis.gateRules).toMatchObject({ version: 3, effectiveFrom: EFFECTIVE });
    });
  });

  describe('a set adopted from today', () => {
    const other = 'gate-today';
    const otherPmo = actorHeaders('per@gate-today.dk', other, 'programme_office');

    it("is in force at once, and a project's next gate is described by it", async () => {
      await ok(http().post('/v1/organisations').set(otherPmo).send({ id: other, name: 'Gate Today', kind: 'municipality' }), 201);
      const gates = { 'idea->analysis': { requiresScoring: true, minimumWeightedScore: '55.00' } };
      const adoptedToday = await ok(http().post(`/v1/organisations/${other}/gate-rules`).set(otherPmo).set('If-Match', '"0"').send({ effectiveFrom: TODAY, gates }), 201);
      expect(adoptedToday.body).toMatchObject({ version: 2, effectiveFrom: TODAY });
      expect((await ok(http().get(`/v1/organisations/${other}/gate-rules`).set(otherPmo), 200)).body.inForceToday).toBe(2);

      const id = (await draft(t, { ...SUBMITTABLE, title: 'Citizen chatbot', departmentId: 'it' }, otherPmo)).body.id as string;
      await ok(http().post(`/v1/proposals/${id}/submit`).set(otherPmo), 200);
      // the portfolio-entry process puts the submitted proposal in the portfolio: wait until it has
      let project = await http().get(`/v1/projects/${id}`).set(otherPmo);
      for (let attempt = 0; project.status === 404 && attempt < 100; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        project = await http().get(`/v1/projects/${id}`).set(otherPmo);
      }
      expect(project.status).toBe(200);
      expect(project.body.nextGate).toMatchObject({ transition: 'idea->analysis', ruleSetVersion: 2, rule: gates['idea->analysis'] });
      expect(project.body.nextGate.description).toContain('a weighted score of at least 55.00');
    });
  });
});
