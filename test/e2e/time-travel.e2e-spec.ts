import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import request from 'supertest';
import { PG_POOL } from '../../libs/platform/index.js';
import { LogPointResolver } from '../../libs/time-travel/application/log-point.resolver.js';
import { PortfolioHistory } from '../../libs/time-travel/application/portfolio-history.js';
import { parseAsOf } from '../../libs/time-travel/domain/as-of.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const pmo = actorHeaders('anna@tt.dk', 'tt', 'programme_office');
const director = actorHeaders('dora@tt.dk', 'tt', 'director');
const stranger = actorHeaders('vera@other.dk', 'other', 'programme_office');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const scores = (legal: number, citizens: number, business: number, economic: number) => ({
  legal_requirement: legal,
  faces_citizens_or_businesses: citizens,
  gain_for_the_business: business,
  expected_economic_gain: economic,
});

describe('time travel: proposals, pools and portfolios as they stood', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let forumId: string;
  let modelId: string;
  let poolId: string;
  let mail: string;
  let archive: string;
  /** Log positions (X-Log-Position) of the moments the tests travel to. */
  const at: Record<string, string> = {};

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  /** Waits until both projects entered the portfolio (a process manager does it after each submission). */
  async function untilInPortfolio(ids: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const found = await Promise.all(ids.map((id) => http().get(`/v1/projects/${id}`).set(pmo)));
      if (found.every((r) => r.status === 200)) return;
      if (attempt > 200) throw new Error('projects did not enter the portfolio');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_time_travel');
    await ok(http().post('/v1/organisations').set(pmo).send({ id: 'tt', name: 'Tidsrejse Kommune', kind: 'municipality' }), 201);
    await ok(http().post('/v1/organisations/tt/departments').set(pmo).send({ id: 'it', name: 'IT' }), 201);
    at.beforeForum = (await ok(http().post('/v1/organisations/tt/departments').set(pmo).send({ id: 'social', name: 'Social' }), 201)).headers['x-log-position'];
    const forum = await ok(
      http()
        .post('/v1/forums')
        .set(pmo)
        .send({ name: 'Styregruppen', kind: 'steering_group', mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: SIMPLE_MAJORITY }),
      201,
    );
    forumId = forum.body.id;
    modelId = (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId, template: 'herning_default' }), 201)).body.id;
    const pool = await ok(http().post('/v1/funding-pools').set(pmo).send({ forumId, year: 2027, name: 'Udviklingspuljen 2027', amount: dkk(2_000_000) }), 201);
    poolId = pool.body.id;
    at.poolEstablished = pool.headers['x-log-position'];

    const drafted = await draft(t, { ...SUBMITTABLE, title: 'Digital mail', departmentId: 'it', investment: { developmentCost: dkk(500_000) } }, pmo);
    mail = drafted.body.id;
    at.mailDrafted = drafted.headers['x-log-position'];
    const amended = await ok(http().patch(`/v1/proposals/${mail}`).set(pmo).set('If-Match', '"1"').send({ title: 'Digital mail for citizens', reason: 'Clearer title' }), 200);
    at.mailAmended = amended.headers['x-log-position'];
    at.mailSubmitted = (await ok(http().post(`/v1/proposals/${mail}/submit`).set(pmo), 200)).headers['x-log-position'];
    archive = (await draft(t, { ...SUBMITTABLE, title: 'Shared archive', departmentId: 'social', investment: { developmentCost: dkk(800_000) } }, pmo)).body.id;
    at.archiveSubmitted = (await ok(http().post(`/v1/proposals/${archive}/submit`).set(pmo), 200)).headers['x-log-position'];
    await untilInPortfolio([mail, archive]);
    at.mailScored = (
      await ok(http().post(`/v1/proposals/${mail}/scores`).set(pmo).send({ assessorKind: 'department', forumId, modelId, modelVersion: 1, scores: scores(5, 5, 4, 4) }), 201)
    ).headers['x-log-position'];
    at.committed = (
      await ok(http().post(`/v1/funding-pools/${poolId}/commitments`).set(pmo).send({ proposalId: mail, decisionId: 'budget-2027-1', amount: dkk(300_000), costKind: 'development' }), 201)
    ).headers['x-log-position'];
  });
  afterAll(async () => t?.close());

  describe('a proposal', () => {
    it('as of a log position, a global position and a time: the version then, with its ETag and the position answered', async () => {
      const drafted = await ok(http().get(`/v1/proposals/${mail}`).query({ asOf: at.mailDrafted }).set(pmo), 200);
      expect(drafted.body).toMatchObject({ id: mail, version: 1, status: 'draft', form: { title: 'Digital mail' } });
      expect(drafted.headers.etag).toBe('"1"');
      expect(drafted.headers['x-as-of-position']).toBe(at.mailDrafted);

      const history = (await ok(http().get(`/v1/proposals/${mail}/history`).set(pmo), 200)).body.events as { version: number; globalPosition: string; recordedAt: string }[];
      const amendedByGlobal = await ok(http().get(`/v1/proposals/${mail}`).query({ asOf: history[1].globalPosition }).set(pmo), 200);
      expect(amendedByGlobal.body).toMatchObject({ version: 2, status: 'draft', form: { title: 'Digital mail for citizens' } });
      expect(amendedByGlobal.headers['x-as-of-position']).toBe(at.mailAmended);

      const byTime = await ok(http().get(`/v1/proposals/${mail}`).query({ asOf: history[2].recordedAt }).set(pmo), 200);
      expect(byTime.body).toMatchObject({ version: 3, status: 'submitted' });
      const current = await ok(http().get(`/v1/proposals/${mail}`).set(pmo), 200);
      expect(byTime.body).toEqual(current.body);
    });

    it('did not exist before it was drafted, and another organisation never sees it', async () => {
      expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf: at.poolEstablished }).set(pmo), 404);
      expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf: at.mailAmended }).set(stranger), 404);
      expectProblem(await http().get('/v1/proposals/5b0c1f7e-1111-4a2b-8c3d-000000000000').query({ asOf: at.mailAmended }).set(pmo), 404);
    });

    it('refuses a point in time it cannot place, naming asOf', async () => {
      for (const asOf of ['yesterday', '2027-02-30T10:00:00Z', '2027-01-01T10:00:00', '2027-01-01', '1.2.3', '-5', '0', '1e3', '2027-01-01T25:00:00+01:00']) {
        expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf }).set(pmo), 400, ['asOf']);
      }
      // well-formed, but no event of the log sits there
      expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf: '999999999.999999999' }).set(pmo), 400, ['asOf']);
      expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf: '999999999999' }).set(pmo), 400, ['asOf']);
      expectProblem(await http().get(`/v1/proposals/${mail}`).query({ asOf: at.mailDrafted, asOfVersion: '1' }).set(pmo), 400, ['asOf']);
    });
  });

  describe("a proposal's diff between two points in time", () => {
    it('names every answer and the status that changed, with both values', async () => {
      const diff = await ok(http().get(`/v1/proposals/${mail}/diff`).query({ from: at.mailDrafted, to: at.mailSubmitted }).set(pmo), 200);
      expect(diff.body).toMatchObject({ proposalId: mail, from: { version: 1, status: 'draft', position: at.mailDrafted }, to: { version: 3, status: 'submitted' } });
      expect(diff.body.changes).toEqual([
        { field: 'status', from: 'draft', to: 'submitted' },
        { field: 'title', from: 'Digital mail', to: 'Digital mail for citizens' },
      ]);
      const same = await ok(http().get(`/v1/proposals/${mail}/diff`).query({ from: at.mailSubmitted, to: at.committed }).set(pmo), 200);
      expect(same.body.changes).toEqual([]);
    });

    it('shows every answer as given when the proposal did not exist yet at from', async () => {
      const diff = await ok(http().get(`/v1/proposals/${mail}/diff`).query({ from: at.poolEstablished, to: at.mailDrafted }).set(pmo), 200);
      expect(diff.body.from).toMatchObject({ version: null, status: null });
      expect(diff.body.changes).toEqual(expect.arrayContaining([{ field: 'status', from: null, to: 'draft' }, { field: 'title', from: null, to: 'Digital mail' }]));
    });

    it('refuses bad input and unknown proposals', async () => {
      expectProblem(await http().get(`/v1/proposals/${mail}/diff`).query({ from: at.mailSubmitted, to: at.mailDrafted }).set(pmo), 400, ['from']);
      expectProblem(await http().get(`/v1/proposals/${mail}/diff`).query({ from: 'soon', to: at.mailDrafted }).set(pmo), 400, ['from']);
      expectProblem(await http().get(`/v1/proposals/${mail}/diff`).query({ from: at.mailDrafted }).set(pmo), 400, ['to']);
      expectProblem(await http().get(`/v1/proposals/${mail}/diff`).query({ from: at.beforeForum, to: at.poolEstablished }).set(pmo), 404);
      expectProblem(await http().get(`/v1/proposals/${mail}/diff`).query({ from: at.mailDrafted, to: at.mailSubmitted }).set(stranger), 404);
      expectProblem(await http().get('/v1/proposals/not-a-uuid/diff').query({ from: at.mailDrafted, to: at.mailSubmitted }).set(pmo), 404, ['id']);
    });
  });

  describe('a pool balance', () => {
    it('as it stood before and after a commitment', async () => {
      const before = await ok(http().get(`/v1/funding-pools/${poolId}`).query({ asOf: at.mailScored }).set(pmo), 200);
      expect(before.body).toMatchObject({ amount: dkk(2_000_000), committed: dkk(0), available: dkk(2_000_000), commitments: [], version: 1 });
      const after = await ok(http().get(`/v1/funding-pools/${poolId}`).query({ asOf: at.committed }).set(pmo), 200);
      const current = await ok(http().get(`/v1/funding-pools/${poolId}`).set(pmo), 200);
      expect(after.body).toEqual(current.body);
      expect(after.body).toMatchObject({ committed: dkk(300_000), available: dkk(1_700_000) });
    });

    it('is not found before it was established, for another organisation, or with a bad asOf', async () => {
      expectProblem(await http().get(`/v1/funding-pools/${poolId}`).query({ asOf: at.beforeForum }).set(pmo), 404);
      expectProblem(await http().get(`/v1/funding-pools/${poolId}`).query({ asOf: at.committed }).set(stranger), 404);
      expectProblem(await http().get(`/v1/funding-pools/${poolId}`).query({ asOf: 'last week' }).set(pmo), 400, ['asOf']);
    });
  });

  describe('the portfolios', () => {
    it("the directors' portfolio: empty before the submissions, both projects after, scored once scored", async () => {
      expect((await ok(http().get('/v1/portfolio').query({ asOf: at.mailAmended }).set(director), 200)).body).toEqual({ items: [], nextCursor: null, limit: 20 });
      const scored = await ok(http().get('/v1/portfolio').query({ asOf: at.mailScored, sort: 'score' }).set(director), 200);
      expect(scored.headers['x-as-of-position']).toBe(at.mailScored);
      expect(scored.body.items.map((r: { proposalId: string; score: { normalised: string } | null }) => [r.proposalId, r.score?.normalised ?? null])).toEqual([
        [mail, '87.50'],
        [archive, null],
      ]);
      const paged = await ok(http().get('/v1/portfolio').query({ asOf: at.mailScored, sort: 'score', limit: '1' }).set(director), 200);
      expect(paged.body.items).toHaveLength(1);
      const rest = await ok(http().get('/v1/portfolio').query({ asOf: at.mailScored, sort: 'score', limit: '1', cursor: paged.body.nextCursor }).set(director), 200);
      expect(rest.body.items.map((r: { proposalId: string }) => r.proposalId)).toEqual([archive]);
      expect(rest.body.nextCursor).toBeNull();
      expectProblem(await http().get('/v1/portfolio').query({ asOf: at.mailScored, cursor: 'bm9uc2Vuc2U' }).set(director), 400, ['cursor']);
      expectProblem(await http().get('/v1/portfolio').query({ asOf: 'noon' }).set(director), 400, ['asOf']);
      expect((await ok(http().get('/v1/portfolio').query({ asOf: at.mailScored }).set(stranger), 200)).body.items).toEqual([]);
    });

    it("a forum's portfolio: unprioritised before the score, prioritised after, with the pool as it stood", async () => {
      const unscored = await ok(http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: at.archiveSubmitted }).set(director), 200);
      expect(unscored.body.prioritised).toEqual([]);
      expect(unscored.body.unprioritised.map((r: { proposalId: string }) => r.proposalId).sort()).toEqual([mail, archive].sort());
      expect(unscored.body.pools).toEqual([expect.objectContaining({ poolId, available: dkk(2_000_000) })]);

      const scored = await ok(http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: at.committed }).set(director), 200);
      expect(scored.body.prioritised).toEqual([expect.objectContaining({ proposalId: mail, rank: 1, weightedScore: '87.50' })]);
      expect(scored.body.unprioritised).toEqual([expect.objectContaining({ proposalId: archive })]);
      expect(scored.body.pools).toEqual([expect.objectContaining({ poolId, committed: dkk(300_000), available: dkk(1_700_000) })]);
      expect(scored.body.scoringModel).toMatchObject({ id: modelId, version: 1 });
      expect(scored.body.page).toEqual({ offset: 0, limit: 50, prioritisedTotal: 1, unprioritisedTotal: 1, nextCursor: null });
      const firstPage = await ok(http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: at.committed, limit: '1' }).set(director), 200);
      expect(firstPage.body.page.nextCursor).toBe('o1');

      expectProblem(await http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: at.beforeForum }).set(director), 404, ['forumId']);
      expectProblem(await http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: at.committed }).set(stranger), 404, ['forumId']);
      expectProblem(await http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: '2027-13-01T00:00:00Z' }).set(director), 400, ['asOf']);
    });

    it('as of now equals the current views', async () => {
      const now = new Date().toISOString();
      for (const query of [{}, { sort: 'score' }, { sort: 'developmentCost', direction: 'asc' }, { sort: 'committed' }, { minScore: '50' }]) {
        const current = await ok(http().get('/v1/portfolio').query(query).set(director).set('X-Min-Position', at.committed), 200);
        const then = await ok(http().get('/v1/portfolio').query({ ...query, asOf: now }).set(director), 200);
        expect(then.body).toEqual(current.body);
      }
      const forumNow = await ok(http().get(`/v1/forums/${forumId}/portfolio`).set(director).set('X-Min-Position', at.committed), 200);
      const forumThen = await ok(http().get(`/v1/forums/${forumId}/portfolio`).query({ asOf: now }).set(director), 200);
      expect(forumThen.body).toEqual(forumNow.body);
    });
  });

  describe('snapshots', () => {
    it('are derived data: cut every n events, each equal to a replay from the start, and an answer is the same without them', async () => {
      const pool = t.app.get<Pool>(PG_POOL);
      const points = t.app.get(LogPointResolver);
      const head = await points.resolve(parseAsOf(new Date().toISOString()));
      const withSnapshots = new PortfolioHistory(pool, 3);
      const early = await points.resolve(parseAsOf(at.mailSubmitted));
      const plain = (state: unknown) => JSON.parse(JSON.stringify(state)) as unknown;
      const first = plain(await withSnapshots.stateAt('tt', head));
      expect(plain(await withSnapshots.stateAt('tt', early))).toEqual(plain(await new PortfolioHistory(pool, 1_000_000).stateAt('tt', early)));
      await withSnapshots.whenSaved();

      const { rows: snapshots } = await pool.query<{ events_folded: string; position_commit: string; position_prepare: string; state: unknown }>(
        `SELECT events_folded::text, position_commit::text, position_prepare::text, state FROM time_travel_portfolio_snapshots WHERE organisation_id = 'tt' ORDER BY position_commit, position_prepare`,
      );
      expect(snapshots.length).toBeGreaterThanOrEqual(3);
      expect(snapshots.map((s) => Number(s.events_folded))).toEqual(snapshots.map((_, i) => 3 * (i + 1)));
      for (const snapshot of snapshots) {
        const replayed = await new PortfolioHistory(pool, 1_000_000).stateAt('tt', { position: { commit: BigInt(snapshot.position_commit), prepare: BigInt(snapshot.position_prepare) }, at: new Date(), text: '' });
        expect(plain(replayed)).toEqual(snapshot.state);
      }
      // the same answer from the snapshots, and with none at all
      expect(plain(await withSnapshots.stateAt('tt', head))).toEqual(first);
      await pool.query(`DELETE FROM time_travel_portfolio_snapshots WHERE organisation_id = 'tt'`);
      expect(plain(await new PortfolioHistory(pool, 1_000_000).stateAt('tt', head))).toEqual(first);
    });
  });
});
