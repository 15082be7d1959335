import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { verifyPack } from '../../libs/governance/domain/agendas/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const viborg = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const DEPARTMENTS = ['citizen-service', 'social', 'culture', 'technical', 'children'];
const MEMBERS = ['karen', 'ole', 'mette', 'jens', 'lise'];
const FOR_ALL = MEMBERS.map((memberId) => ({ memberId, vote: 'for' }));
/** Herning's steering group: monthly, first Tuesday at 14:00 Copenhagen time, never in July. */
const HERNING_MONTHLY = {
  frequency: 'monthly',
  dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 },
  time: '14:00',
  timeZone: 'Europe/Copenhagen',
  durationMinutes: 120,
  exceptMonths: [7],
  startDate: '2026-01-01',
};

interface Meeting {
  meetingId: string;
  startsAt: string;
}

/**
 * A year of Herning's steering group (seed 002), as the programme office and the forum live it through the API:
 * set-up, scoring, agendas frozen with the pool's balance and the ranking, decisions at two meetings, the money.
 */
describe("a year of Herning's steering group", () => {
  let t: TestApp;
  const http = () => request(t.server);
  let steeringGroup: string;
  let directorate: string;
  let meetings: Meeting[];
  let modelId: string;
  let poolId: string;
  const proposals: Record<string, string> = {};

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  async function freezeAgenda(meetingId: string, items: string[]) {
    const base = `/v1/meetings/${meetingId}/agenda`;
    await ok(http().post(base).set(herning), 201);
    for (const proposalId of items) {
      await ok(http().post(`${base}/items`).set(herning).send({ kind: 'decision', title: `Decide ${proposalId}`, proposalId, decisionAsked: 'approve' }), 201);
    }
    return (await ok(http().post(`${base}/freeze`).set(herning).send({ fundingPoolId: poolId }), 201)).body;
  }

  const decide = (meetingId: string, body: Record<string, unknown>) =>
    http().post(`/v1/meetings/${meetingId}/decisions`).set(herning).send({ agendaRevision: 1, votes: FOR_ALL, ...body });

  beforeAll(async () => {
    t = await startTestApp('e2e_year');
    await ok(http().post('/v1/organisations').set(herning).send({ id: 'herning', name: 'Herning Kommune', kind: 'municipality' }), 201);
    for (const id of DEPARTMENTS) await ok(http().post('/v1/organisations/herning/departments').set(herning).send({ id, name: id }), 201);
    directorate = (
      await ok(
        http()
          .post('/v1/forums')
          .set(herning)
          .send({ name: 'Direktionen', kind: 'directorate', mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: SIMPLE_MAJORITY }),
        201,
      )
    ).body.id;
    steeringGroup = (
      await ok(
        http()
          .post('/v1/forums')
          .set(herning)
          .send({
            name: 'Styregruppen for Digital Forvaltning',
            kind: 'steering_group',
            parentForumId: directorate,
            mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: dkk(2_000_000) },
            decisionRule: SIMPLE_MAJORITY,
          }),
        201,
      )
    ).body.id;
    for (const [index, memberId] of MEMBERS.entries()) {
      await ok(
        http()
          .post(`/v1/forums/${steeringGroup}/members`)
          .set(herning)
          .send({ memberId, person: { name: memberId }, role: index === 0 ? 'chair' : 'member', from: '2026-01-01' }),
        201,
      );
    }
    await ok(http().put(`/v1/forums/${steeringGroup}/meeting-rule`).set(herning).send(HERNING_MONTHLY), 200);
    meetings = (await ok(http().post(`/v1/forums/${steeringGroup}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' }), 200)).body.scheduled;
    modelId = (await ok(http().post('/v1/scoring-models').set(herning).send({ forumId: steeringGroup, template: 'herning_default' }), 201)).body.id;
    poolId = (await ok(http().post('/v1/funding-pools').set(herning).send({ forumId: steeringGroup, year: 2026, name: 'Udviklingspuljen 2026', amount: dkk(5_000_000) }), 201)).body.id;

    // six proposals, one per need, each scored by its department (legal, citizens, business, economy)
    const needs: [string, string, number, number[]][] = [
      ['mail', 'Digital mail for citizens', 1_500_000, [5, 5, 4, 4]],
      ['booking', 'Room booking', 3_000_000, [2, 4, 5, 5]],
      ['archive', 'Shared document archive', 800_000, [3, 3, 4, 3]],
      ['chatbot', 'Citizen chatbot', 600_000, [1, 5, 2, 2]],
      ['payroll', 'Payroll robot', 400_000, [1, 1, 4, 5]],
      ['sensors', 'Building sensors', 900_000, [1, 2, 3, 3]],
    ];
    let last = '';
    for (const [key, title, cost, [legal, citizens, business, economic]] of needs) {
      const department = DEPARTMENTS[Object.keys(proposals).length % DEPARTMENTS.length];
      const created = await draft(t, {
        ...SUBMITTABLE,
        title,
        departmentId: department,
        investment: { developmentCost: dkk(cost), yearlyOperationsCost: dkk(cost / 10) },
      });
      proposals[key] = created.body.id;
      await ok(http().post(`/v1/proposals/${created.body.id}/submit`).set(herning), 200);
      const scores = { legal_requirement: legal, faces_citizens_or_businesses: citizens, gain_for_the_business: business, expected_economic_gain: economic };
      last = (await ok(http().post(`/v1/proposals/${created.body.id}/scores`).set(herning).send({ assessorKind: 'department', forumId: steeringGroup, modelId, modelVersion: 1, scores }), 201)).headers[
        'x-log-position'
      ];
    }
    // the agenda is assembled from the ranking read model: let it catch up with the last score
    const ranking = await ok(http().get(`/v1/forums/${steeringGroup}/ranking`).set(herning).set('X-Min-Position', last), 200);
    expect(ranking.body.rows).toHaveLength(6);
  });
  afterAll(async () => t?.close());

  it('schedules 11 meetings, none in July', () => {
    expect(meetings).toHaveLength(11);
    expect(meetings.map((m) => m.startsAt.slice(5, 7))).not.toContain('07');
  });

  it('every submitted proposal entered the portfolio at the idea stage', async () => {
    for (const id of Object.values(proposals)) {
      let project = await http().get(`/v1/projects/${id}`).set(herning);
      for (let attempt = 0; project.status === 404 && attempt < 50; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        project = await http().get(`/v1/projects/${id}`).set(herning);
      }
      expect(project.status).toBe(200);
      expect(project.body).toMatchObject({ status: 'idea', stage: 'idea', organisationId: 'herning', decisions: [], nextGate: { transition: 'idea->analysis' } });
    }
    expectProblem(await http().get(`/v1/projects/${proposals.mail}`).set(viborg), 404);
  });

  describe('the February and April meetings', () => {
    let february: Meeting;
    let april: Meeting;
    let februaryPack: { contentHash: string; pack: { items: unknown[]; fundingPool: { available: unknown } } };
    let mailAnalysis: request.Response;
    let lastWrite: string;

    it('February: the agenda is frozen with the pool and the ranking; ideas go to analysis, one is rejected, one deferred, one falls', async () => {
      february = meetings[1];
      april = meetings[3];
      const { mail, booking, archive, chatbot, payroll, sensors } = proposals;
      februaryPack = await freezeAgenda(february.meetingId, [mail, booking, archive, chatbot, payroll, sensors]);
      expect(verifyPack(februaryPack.pack as never, februaryPack.contentHash)).toBe(true);
      expect(februaryPack.pack).toMatchObject({ fundingPool: { poolId, available: dkk(5_000_000) }, scoringModel: { id: modelId, version: 1 } });
      expect((februaryPack.pack as unknown as { prioritisedRequests: unknown[] }).prioritisedRequests).toHaveLength(6);

      mailAnalysis = await decide(february.meetingId, { proposalId: mail, kind: 'approve', rationale: 'Required by law; analyse it' });
      expect(mailAnalysis.status).toBe(201);
      expect(mailAnalysis.headers.location).toBe(`/v1/projects/${mail}/decisions/${mailAnalysis.body.decisionId}`);
      expect(mailAnalysis.body).toMatchObject({ kind: 'approve', outcome: 'carried', from: 'idea', to: 'analysis', forumId: steeringGroup, heldOn: '2026-02-03' });
      expect(mailAnalysis.body.basis).toMatchObject({
        agenda: { revision: 1, contentHash: februaryPack.contentHash, proposal: { rank: 1 }, fundingPool: { poolId, available: dkk(5_000_000) } },
        tally: { outcome: 'carried', for: 5, against: 0, present: 5, eligible: 5 },
        gateRules: { version: 1, transition: 'idea->analysis' },
      });
      expect((await decide(february.meetingId, { proposalId: booking, kind: 'approve', rationale: 'Worth analysing' })).status).toBe(201);

      const rejected = await decide(february.meetingId, { proposalId: chatbot, kind: 'reject', rationale: 'Not a portfolio matter' });
      expect(rejected.body).toMatchObject({ outcome: 'carried', to: 'rejected' });
      const deferred = await decide(february.meetingId, { proposalId: payroll, kind: 'defer', rationale: 'Awaiting the payroll vendor', deferredToMeetingId: april.meetingId });
      expect(deferred.body).toMatchObject({ to: 'deferred', deferredToMeetingId: april.meetingId });

      // a majority against: the vote is recorded, the project stays where it is
      const votes = MEMBERS.map((memberId, index) => ({ memberId, vote: index < 2 ? 'for' : index < 4 ? 'against' : 'abstain' }));
      const fell = await decide(february.meetingId, { proposalId: sensors, kind: 'approve', rationale: 'Proposed by the technical department', votes });
      expect(fell.status).toBe(201);
      expect(fell.body).toMatchObject({ outcome: 'not_carried', from: 'idea', to: 'idea', basis: { tally: { for: 2, against: 2, abstain: 1 } } });

      // refused outright, nothing recorded
      expectProblem(await decide(february.meetingId, { proposalId: chatbot, kind: 'approve', rationale: 'Again' }), 409);
      expectProblem(await decide(february.meetingId, { proposalId: archive, kind: 'approve', rationale: 'x', agendaRevision: 2 }), 422, ['agendaRevision']);
      expectProblem(await decide(february.meetingId, { proposalId: archive, kind: 'approve', rationale: 'x', votes: [{ memberId: 'stranger', vote: 'for' }] }), 422);
      expectProblem(await decide(february.meetingId, { proposalId: archive, kind: 'approve', rationale: 'x', amount: dkk(10), poolId }), 422, ['amount']);
      expectProblem(await decide(february.meetingId, { proposalId: archive, kind: 'maybe', rationale: '' }), 400, ['kind', 'rationale']);
      expectProblem(await decide(meetings[2].meetingId, { proposalId: archive, kind: 'approve', rationale: 'x' }), 422, ['agendaRevision']);

      const sensorsProject = await ok(http().get(`/v1/projects/${sensors}`).set(herning), 200);
      expect(sensorsProject.body).toMatchObject({ status: 'idea', decisions: [{ outcome: 'not_carried' }] });
    });

    it('April: the funding approval commits money from the pool; above the mandate it is refused and escalated', async () => {
      const { mail, booking, payroll } = proposals;
      const aprilPack = await freezeAgenda(april.meetingId, [mail, booking, payroll]);
      const decide4 = (body: Record<string, unknown>) => decide(april.meetingId, body);

      // expected savings belong to a funding approval only: elsewhere they are refused before anything moves
      const savings = { beneficiaries: [{ partyId: 'citizen-service', yearlySavings: dkk(400_000) }], shareBasisPoints: 5_000, firstYear: 2027, years: 3 };
      expectProblem(await decide4({ proposalId: payroll, kind: 'approve', rationale: 'Not a funding approval', expectedSavings: savings }), 422, ['expectedSavings']);
      expectProblem(await decide4({ proposalId: mail, kind: 'approve', rationale: 'x', amount: dkk(1_500_000), poolId, expectedSavings: { ...savings, shareBasisPoints: 0 } }), 400, ['expectedSavings.shareBasisPoints']);
      expect((await ok(http().get(`/v1/funding-pools/${poolId}`).set(herning), 200)).body.committed).toEqual(dkk(0));

      // efficiency principle: the approval with expected savings concludes its payback agreement on the commitment
      const funded = await decide4({ proposalId: mail, kind: 'approve', rationale: 'Business case holds', amount: dkk(1_500_000), poolId, expectedSavings: savings });
      expect(funded.status).toBe(201);
      const agreement = await ok(http().get(`/v1/funding-pools/${poolId}/payback-agreements/${funded.body.decisionId}`).set(herning), 200);
      expect(agreement.body).toMatchObject({ commitmentId: funded.body.decisionId, proposalId: mail, status: 'active', invested: dkk(1_500_000), scheduled: dkk(600_000), firstYear: 2027, years: 3 });
      expect(agreement.body.installments.map((i: { year: number; amount: unknown }) => [i.year, i.amount])).toEqual([
        [2027, dkk(200_000)],
        [2028, dkk(200_000)],
        [2029, dkk(200_000)],
      ]);
      expect(funded.body).toMatchObject({ from: 'analysis', to: 'execution', amount: dkk(1_500_000), poolId, basis: { gateRules: { transition: 'analysis->execution' } } });
      const pool = await ok(http().get(`/v1/funding-pools/${poolId}`).set(herning), 200);
      expect(pool.body).toMatchObject({ committed: dkk(1_500_000), available: dkk(3_500_000) });
      expect(pool.body.commitments).toEqual([expect.objectContaining({ commitmentId: funded.body.decisionId, proposalId: mail })]);

      // DKK 3m is above the steering group's DKK 2m: refused with the reason, no money moves
      const tooMuch = await decide4({ proposalId: booking, kind: 'approve', rationale: 'Big one', amount: dkk(3_000_000), poolId });
      expectProblem(tooMuch, 422);
      expect(tooMuch.body.reasons).toEqual([expect.objectContaining({ code: 'amount_above_maximum' })]);
      expect((await ok(http().get(`/v1/funding-pools/${poolId}`).set(herning), 200)).body.available).toEqual(dkk(3_500_000));
      const escalated = await decide4({ proposalId: booking, kind: 'escalate', rationale: 'DKK 3m is beyond our mandate; for the directorate' });
      expect(escalated.body).toMatchObject({ outcome: 'carried', escalatedToForumId: directorate, from: 'analysis', to: 'analysis' });

      // the deferred proposal is taken up at the meeting it was deferred to
      const resumed = await decide4({ proposalId: payroll, kind: 'approve', rationale: 'The vendor answered' });
      expect(resumed.body).toMatchObject({ from: 'deferred', to: 'analysis' });

      const project = await ok(http().get(`/v1/projects/${mail}`).set(herning), 200);
      expect(project.headers.etag).toBe(`"${project.body.version}"`);
      expect(project.body).toMatchObject({
        status: 'execution',
        committed: dkk(1_500_000),
        nextGate: { transition: 'execution->realisation' },
      });
      expect(project.body.decisions.map((d: { kind: string; to: string; agendaRevision: number }) => [d.kind, d.to])).toEqual([
        ['approve', 'analysis'],
        ['approve', 'execution'],
      ]);
      expect(aprilPack.contentHash).not.toBe(februaryPack.contentHash);
    });

    it('amending a proposal after the freeze leaves what the forum saw, and its hash, unchanged', async () => {
      const { mail } = proposals;
      const before = await ok(http().get(`/v1/projects/${mail}/decisions/${mailAnalysis.body.decisionId}`).set(herning), 200);
      const current = await ok(http().get(`/v1/proposals/${mail}`).set(herning), 200);
      lastWrite = (
        await ok(http().patch(`/v1/proposals/${mail}`).set(herning).set('If-Match', current.headers.etag).send({ title: 'Digital mail for citizens and businesses' }), 200)
      ).headers['x-log-position'];

      const after = await ok(http().get(`/v1/projects/${mail}/decisions/${mailAnalysis.body.decisionId}`).set(herning), 200);
      expect(after.body).toEqual(before.body);
      expect(after.body.agenda).toMatchObject({ revision: 1, contentHash: februaryPack.contentHash, verified: true });
      expect(after.body.agenda.pack).toEqual(februaryPack.pack);
      expect(after.body.agenda.pack.items[0].proposal.content.title).toBe('Digital mail for citizens');
      expect(after.body).toMatchObject({ rationale: 'Required by law; analyse it', tally: { outcome: 'carried' }, votes: FOR_ALL });
      expectProblem(await http().get(`/v1/projects/${mail}/decisions/${mailAnalysis.body.decisionId}`).set(viborg), 404);
    });

    it("shows the forum's portfolio and the directors' portfolio; rebuilt from the log they answer the same", async () => {
      const { mail, booking, chatbot, payroll, sensors } = proposals;
      const forum = await ok(http().get(`/v1/forums/${steeringGroup}/portfolio`).set(herning).set('X-Min-Position', lastWrite), 200);
      expect(forum.body.scoringModel).toMatchObject({ id: modelId, version: 1 });
      expect(forum.body.prioritised).toHaveLength(6);
      expect(forum.body.prioritised.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(forum.body.prioritised[0]).toMatchObject({
        proposalId: mail,
        title: 'Digital mail for citizens and businesses',
        weightedScore: expect.stringMatching(/^\d+\.\d{2}$/),
        developmentCost: dkk(1_500_000),
        operationsCost: dkk(150_000),
        requestedAmount: dkk(1_500_000),
        committed: dkk(1_500_000),
        stage: 'execution',
        status: 'execution',
        nextGate: 'execution->realisation',
        link: `/v1/projects/${mail}`,
      });
      expect(forum.body.unprioritised).toEqual([]);
      expect(forum.body.pools).toEqual([expect.objectContaining({ poolId, amount: dkk(5_000_000), committed: dkk(1_500_000), available: dkk(3_500_000) })]);
      // the tests run on a clock in late 2026: only December's meeting is still to come
      expect(forum.body.upcomingMeetings.map((m: { meetingId: string }) => m.meetingId)).toEqual(
        meetings.filter((m) => Date.parse(m.startsAt) >= Date.now()).map((m) => m.meetingId),
      );

      const all = await ok(http().get('/v1/portfolio').set(herning).set('X-Min-Position', lastWrite), 200);
      expect(all.body.items).toHaveLength(6);
      const status = Object.fromEntries(all.body.items.map((r: { proposalId: string; status: string }) => [r.proposalId, r.status]));
      expect(status).toMatchObject({ [mail]: 'execution', [booking]: 'analysis', [chatbot]: 'rejected', [payroll]: 'analysis', [sensors]: 'idea' });
      const byCost = await ok(http().get('/v1/portfolio').query({ sort: 'developmentCost', limit: '4' }).set(herning), 200);
      const rest = await ok(http().get('/v1/portfolio').query({ sort: 'developmentCost', limit: '4', cursor: byCost.body.nextCursor }).set(herning), 200);
      const costs = [...byCost.body.items, ...rest.body.items].map((r: { developmentCost: { amountMinor: number } }) => r.developmentCost.amountMinor);
      expect(costs).toEqual([...costs].sort((a, b) => b - a));
      expect(rest.body.nextCursor).toBeNull();
      expect((await ok(http().get('/v1/portfolio').query({ status: 'analysis' }).set(herning), 200)).body.items.map((r: { proposalId: string }) => r.proposalId).sort()).toEqual(
        [booking, payroll].sort(),
      );
      const funded = await ok(http().get('/v1/portfolio').query({ forumId: steeringGroup, stage: 'execution' }).set(herning), 200);
      expect(funded.body.items).toEqual([expect.objectContaining({ proposalId: mail, forumIds: [steeringGroup], lastDecision: expect.objectContaining({ kind: 'approve' }) })]);
      expect((await ok(http().get('/v1/portfolio').set(viborg), 200)).body.items).toEqual([]);
      expectProblem(await http().get('/v1/portfolio').query({ cursor: 'nonsense', stage: 'somewhere' }).set(herning), 400, ['stage']);
      expectProblem(await http().get('/v1/portfolio').query({ cursor: 'nonsense' }).set(herning), 400, ['cursor']);

      const runtime = t.app.get(ProjectionRuntime);
      await runtime.rebuild('portfolio_projects');
      expect((await ok(http().get('/v1/portfolio').set(herning), 200)).body).toEqual(all.body);
      expect((await ok(http().get(`/v1/forums/${steeringGroup}/portfolio`).set(herning), 200)).body).toEqual(forum.body);
    });

    it("pages the forum's list, prioritised in rank order then unprioritised, and answers 304 while the view is unchanged", async () => {
      const whole = await ok(http().get(`/v1/forums/${steeringGroup}/portfolio`).set(herning).set('X-Min-Position', lastWrite), 200);
      const list = [...whole.body.prioritised, ...whole.body.unprioritised].map((r: { proposalId: string }) => r.proposalId);
      expect(whole.body.page).toEqual({ offset: 0, limit: 50, prioritisedTotal: whole.body.prioritised.length, unprioritisedTotal: whole.body.unprioritised.length, nextCursor: null });

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = cursor === null ? { limit: '4' } : { limit: '4', cursor };
        const page = await ok(http().get(`/v1/forums/${steeringGroup}/portfolio`).query(query).set(herning), 200);
        expect(page.body.prioritised.length + page.body.unprioritised.length).toBeLessThanOrEqual(4);
        expect(page.body.pools).toEqual(whole.body.pools);
        if (page.body.page.nextCursor) expect(page.headers.link).toContain(`cursor=${page.body.page.nextCursor}`);
        paged.push(...[...page.body.prioritised, ...page.body.unprioritised].map((r: { proposalId: string }) => r.proposalId));
        cursor = page.body.page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(list);

      const etag = whole.headers.etag as string;
      expect((await http().get(`/v1/forums/${steeringGroup}/portfolio`).set(herning).set('If-None-Match', etag)).status).toBe(304);
      const late = await draft(t, { ...SUBMITTABLE, title: 'Late request', departmentId: DEPARTMENTS[0] });
      const submitted = await ok(http().post(`/v1/proposals/${late.body.id}/submit`).set(herning), 200);
      const changed = await ok(http().get(`/v1/forums/${steeringGroup}/portfolio`).set(herning).set('X-Min-Position', submitted.headers['x-log-position']).set('If-None-Match', etag), 200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body.unprioritised.map((r: { proposalId: string }) => r.proposalId)).toContain(late.body.id);

      expectProblem(await http().get(`/v1/forums/${steeringGroup}/portfolio`).query({ cursor: 'nonsense' }).set(herning), 400, ['cursor']);
      expectProblem(await http().get(`/v1/forums/${steeringGroup}/portfolio`).query({ limit: '0' }).set(herning), 400, ['limit']);
      expectProblem(await http().get(`/v1/forums/${steeringGroup}/portfolio`).set(viborg), 404, ['forumId']);
      expectProblem(await http().get('/v1/forums/not-a-forum/portfolio').set(herning), 404, ['forumId']);
    });
  });
});
