import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, SUBMITTABLE } from '../support/proposals.js';

const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const DEPARTMENTS = ['it', 'social', 'culture'];

type Op =
  | { kind: 'draft'; title: string; department: number; cost: number }
  | { kind: 'amend'; target: number; title: string; cost: number }
  | { kind: 'submit'; target: number }
  | { kind: 'withdraw'; target: number }
  | { kind: 'score'; target: number; scores: number[] }
  | { kind: 'commit'; target: number; amount: number };

const score = fc.integer({ min: 1, max: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('draft' as const), title: fc.constantFrom('Mail', 'Archive', 'Booking', 'Chatbot', 'Æblekage'), department: fc.nat(2), cost: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ kind: fc.constant('amend' as const), target: fc.nat(7), title: fc.constantFrom('Mail', 'Zebra', 'archive', 'Ørsted'), cost: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ kind: fc.constant('submit' as const), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('withdraw' as const), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('score' as const), target: fc.nat(7), scores: fc.tuple(score, score, score, score) }),
  fc.record({ kind: fc.constant('commit' as const), target: fc.nat(7), amount: fc.integer({ min: 1, max: 400 }) }),
);

/**
 * The property: whatever happened, every view as of now is the current view (proposals, the pool, the directors'
 * portfolio in every sort and page size, the forum's portfolio).
 */
describe('time travel at the head', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let run = 0;

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_time_travel_head');
  });
  afterAll(async () => t?.close());

  it('answers as of now exactly what the current views answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const org = `head-${++run}`;
        const as = actorHeaders(`pmo@${org}.dk`, org, 'programme_office');
        const director = actorHeaders(`director@${org}.dk`, org, 'director');
        await ok(http().post('/v1/organisations').set(as).send({ id: org, name: `Kommune ${run}`, kind: 'municipality' }), 201);
        const forumId = (
          await ok(
            http()
              .post('/v1/forums')
              .set(as)
              .send({ name: 'Styregruppen', kind: 'steering_group', mandate: { decisionKinds: ['approve'], investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: SIMPLE_MAJORITY }),
            201,
          )
        ).body.id;
        const modelId = (await ok(http().post('/v1/scoring-models').set(as).send({ forumId, template: 'herning_default' }), 201)).body.id;
        const poolId = (await ok(http().post('/v1/funding-pools').set(as).send({ forumId, year: 2027, name: 'Puljen', amount: dkk(1_000) }), 201)).body.id;
        const proposals: string[] = [];
        const submitted = new Set<string>();
        const target = (n: number) => proposals[n % Math.max(proposals.length, 1)];
        for (const o of ops) {
          if (o.kind === 'draft') {
            proposals.push((await draft(t, { ...SUBMITTABLE, title: o.title, departmentId: DEPARTMENTS[o.department], investment: { developmentCost: dkk(o.cost) } }, as)).body.id);
            continue;
          }
          const id = target(o.target);
          if (id === undefined) continue;
          if (o.kind === 'amend') {
            const current = await http().get(`/v1/proposals/${id}`).set(as);
            await http().patch(`/v1/proposals/${id}`).set(as).set('If-Match', current.headers.etag).send({ title: o.title, investment: { developmentCost: dkk(o.cost) } });
          } else if (o.kind === 'submit') {
            if ((await http().post(`/v1/proposals/${id}/submit`).set(as)).status === 200) submitted.add(id);
          } else if (o.kind === 'withdraw') {
            await http().post(`/v1/proposals/${id}/withdraw`).set(as).send({ reason: 'No longer needed' });
          } else if (o.kind === 'score') {
            const [legal, citizens, business, economic] = o.scores;
            await http().post(`/v1/proposals/${id}/scores`).set(as).send({
              assessorKind: 'department',
              forumId,
              modelId,
              modelVersion: 1,
              scores: { legal_requirement: legal, faces_citizens_or_businesses: citizens, gain_for_the_business: business, expected_economic_gain: economic },
            });
          } else {
            await http().post(`/v1/funding-pools/${poolId}/commitments`).set(as).send({ proposalId: id, decisionId: `d-${o.amount}`, amount: dkk(o.amount), costKind: 'development' });
          }
        }
        // submitted proposals enter the portfolio through a process manager: wait for every entry
        for (const id of submitted) {
          for (let attempt = 0; (await http().get(`/v1/projects/${id}`).set(as)).status !== 200; attempt++) {
            if (attempt > 200) throw new Error(`${id} did not enter the portfolio`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
        // a write after everything above: the current read models are awaited up to it
        const settled = (await draft(t, { ...SUBMITTABLE, title: 'Sentinel', departmentId: 'it' }, actorHeaders('s@sentinel.dk', `sentinel-${run}`))).headers['x-log-position'];
        const now = new Date(Date.now() + 1).toISOString();

        for (const id of proposals) {
          const current = await ok(http().get(`/v1/proposals/${id}`).set(as), 200);
          expect((await ok(http().get(`/v1/proposals/${id}`).query({ asOf: now }).set(as), 200)).body).toEqual(current.body);
        }
        const pool = await ok(http().get(`/v1/funding-pools/${poolId}`).set(as), 200);
        expect((await ok(http().get(`/v1/funding-pools/${poolId}`).query({ asOf: now }).set(as), 200)).body).toEqual(pool.body);
        for (const query of [{}, { sort: 'score' }, { sort: 'score', direction: 'asc' }, { sort: 'developmentCost' }, { sort: 'committed' }, { sort: 'title', limit: '2' }, { status: 'idea' }, { minScore: '40' }]) {
          const current = await ok(http().get('/v1/portfolio').query(query).set(director).set('X-Min-Position', settled), 200);
          expect((await ok(http().get('/v1/portfolio').query({ ...query, asOf: now }).set(director), 200)).body).toEqual(current.body);
        }
        for (const query of [{}, { limit: '1' }]) {
          const current = await ok(http().get(`/v1/forums/${forumId}/portfolio`).query(query).set(director).set('X-Min-Position', settled), 200);
          expect((await ok(http().get(`/v1/forums/${forumId}/portfolio`).query({ ...query, asOf: now }).set(director), 200)).body).toEqual(current.body);
        }
      }),
      { numRuns: 8 },
    );
  });
});
