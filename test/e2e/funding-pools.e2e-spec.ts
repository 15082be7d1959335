import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { CommitFundingCommand } from '../../libs/funding/application/funding-pool-commands.js';
import { fundingPoolId } from '../../libs/funding/application/funding-pool-id.js';
import { FundingPoolReader } from '../../libs/funding/application/funding-pool.reader.js';
import { InsufficientFunds } from '../../libs/funding/domain/index.js';
import type { FundingPoolPort } from '../../libs/governance/agendas/application/ports/funding-pool.port.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import type { Money } from '../../libs/shared-kernel/money.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE, type Headers } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const viborg = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const dkk = (amountMinor: number): Money => ({ amountMinor, currency: 'DKK' });
/** DKK 10m in øre. */
const TEN_MILLION = dkk(1_000_000_000);

describe('funding pools over HTTP: establish, adjust, commit, release', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let proposalId: string;
  beforeAll(async () => {
    t = await startTestApp('e2e_funding');
    proposalId = (await draft(t, { ...SUBMITTABLE, title: 'Citizen service module', departmentId: 'citizen-service' }, herning)).body.id;
    const submitted = await request(t.server).post(`/v1/proposals/${proposalId}/submit`).set(herning);
    if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${submitted.text}`);
  });
  afterAll(async () => t?.close());

  async function establish(forumId: string, year = 2027, headers: Headers = herning, extra: Record<string, unknown> = {}) {
    const res = await http().post('/v1/funding-pools').set(headers).send({ forumId, year, name: `Udviklingspuljen ${year}`, amount: TEN_MILLION, ...extra });
    if (res.status !== 201) throw new Error(`establish failed: ${res.status} ${res.text}`);
    return res;
  }

  const commit = (poolId: string, body: Record<string, unknown>, headers: Headers = herning) =>
    http().post(`/v1/funding-pools/${poolId}/commitments`).set(headers).send({ proposalId, decisionId: 'decision-1', costKind: 'development', ...body });

  const list = (query: Record<string, string>, minPosition: string, headers: Headers = herning) =>
    http().get('/v1/funding-pools').query(query).set(headers).set('X-Min-Position', minPosition);

  /** A write after the requests under test: once the list has it, it has anything they wrongly wrote. */
  const sentinel = async () => (await establish(`sentinel-${randomUUID()}`)).headers['x-log-position'] as string;

  describe('POST /v1/funding-pools', () => {
    it("establishes a forum's yearly pool: 201, Location, ETag, the balance", async () => {
      const res = await http()
        .post('/v1/funding-pools')
        .set(herning)
        .send({ forumId: 'steering-group', year: 2027, name: 'Udviklingspuljen 2027', amount: TEN_MILLION });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/funding-pools/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toEqual({
        id: fundingPoolId('herning', 'steering-group', 2027, null),
        organisationId: 'herning',
        forumId: 'steering-group',
        year: 2027,
        name: 'Udviklingspuljen 2027',
        investmentArea: null,
        amount: TEN_MILLION,
        committed: dkk(0),
        paidBack: dkk(0),
        available: TEN_MILLION,
        commitments: [],
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const read = await http().get(res.headers.location).set(herning);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('one pool per forum, year and investment area: a second is 409 naming the first', async () => {
      const first = await establish('one-per-year', 2027);
      const again = await http().post('/v1/funding-pools').set(herning).send({ forumId: 'one-per-year', year: 2027, name: 'Another', amount: dkk(5) });
      expectProblem(again, 409);
      expect(again.body.poolId).toBe(first.body.id);
      const area = await establish('one-per-year', 2027, herning, { investmentArea: 'digital_workplace' });
      expect(area.body.id).not.toBe(first.body.id);
      expect(area.body.investmentArea).toBe('digital_workplace');
    });

    const BAD: [string, Record<string, unknown>, string[]][] = [
      ['no forumId', { forumId: undefined }, ['forumId']],
      ['a year before 2000', { year: 1999 }, ['year']],
      ['a year as text', { year: '2027' }, ['year']],
      ['a blank name', { name: ' ' }, ['name']],
      ['no amount', { amount: undefined }, ['amount']],
      ['a negative amount', { amount: dkk(-1) }, ['amount.amountMinor']],
      ['an amount with a fraction of an øre', { amount: dkk(10.5) }, ['amount.amountMinor']],
      ['an amount beyond a safe integer', { amount: dkk(2 ** 53) }, ['amount.amountMinor']],
      ['an unknown currency', { amount: { amountMinor: 100, currency: 'USD' } }, ['amount.currency']],
      ['an unknown investment area', { investmentArea: 'roads' }, ['investmentArea']],
      ['an unknown field', { colour: 'blue' }, ['colour']],
    ];

    it.each(BAD)('refuses %s (400 naming the fields)', async (_what, overrides, fields) => {
      const res = await http()
        .post('/v1/funding-pools')
        .set(herning)
        .send({ forumId: 'bad-input', year: 2027, name: 'Bad', amount: TEN_MILLION, ...overrides });
      expectProblem(res, 400, fields);
    });

    it('and none of the refused requests established a pool', async () => {
      expect((await list({ forumId: 'bad-input' }, await sentinel())).body.items).toEqual([]);
    });

    it('replays a retry with the same Idempotency-Key', async () => {
      const body = { forumId: 'idempotent', year: 2028, name: 'Pulje', amount: TEN_MILLION };
      const first = await http().post('/v1/funding-pools').set(herning).set('Idempotency-Key', 'pool-key-1').send(body);
      const retry = await http().post('/v1/funding-pools').set(herning).set('Idempotency-Key', 'pool-key-1').send(body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect((await list({ forumId: 'idempotent' }, await sentinel())).body.items).toHaveLength(1);
    });
  });

  describe('GET /v1/funding-pools and /{id}', () => {
    it('lists by forum and year, newest year first, in pages', async () => {
      await establish('listed', 2026);
      await establish('listed', 2027);
      const last = await establish('listed', 2028);
      const position = last.headers['x-log-position'];
      const all = await list({ forumId: 'listed' }, position);
      expect(all.body.items.map((p: { year: number }) => p.year)).toEqual([2028, 2027, 2026]);
      expect(all.body.items[0]).toMatchObject({ forumId: 'listed', amount: TEN_MILLION, committed: dkk(0), available: TEN_MILLION, activeCommitments: 0 });
      expect((await list({ forumId: 'listed', year: '2027' }, position)).body.items.map((p: { year: number }) => p.year)).toEqual([2027]);

      const page1 = await list({ forumId: 'listed', limit: '2' }, position);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.headers.link).toContain('cursor=');
      const page2 = await list({ forumId: 'listed', limit: '2', cursor: page1.body.nextCursor }, position);
      expect(page2.body.items.map((p: { year: number }) => p.year)).toEqual([2026]);
      expect(page2.body.nextCursor).toBeNull();

      expectProblem(await list({ cursor: 'bm90LWEtY3Vyc29y' }, position), 400, ['cursor']);
      expectProblem(await list({ year: 'next' }, position), 400, ['year']);
      expect((await list({ forumId: 'listed' }, position, viborg)).body.items).toEqual([]);

      // the read model is disposable: rebuilt from the log, it lists the same pools
      await t.app.get(ProjectionRuntime).rebuild('funding_pools');
      expect((await list({ forumId: 'listed' }, position)).body).toEqual(all.body);
    });

    it("another organisation's pool, an unknown id, a malformed id: 404; If-None-Match: 304", async () => {
      const pool = await establish('scoped');
      expectProblem(await http().get(`/v1/funding-pools/${pool.body.id}`).set(viborg), 404);
      expectProblem(await http().get(`/v1/funding-pools/${UNKNOWN}`).set(herning), 404);
      expectProblem(await http().get('/v1/funding-pools/pool-2027').set(herning), 404);
      expect((await http().get(`/v1/funding-pools/${pool.body.id}`).set(herning).set('If-None-Match', '"1"')).status).toBe(304);
    });
  });

  describe('GET /v1/funding-pools/overview', () => {
    it("shows the pools' money by year and by investment area, with totals per year", async () => {
      const forum = 'overview-forum';
      const area = (investmentArea: string | null, amountMinor: number, year = 2027) =>
        http().post('/v1/funding-pools').set(herning).send({ forumId: forum, year, name: `Pulje ${year}`, amount: dkk(amountMinor), investmentArea });
      for (const res of [
        await area('service_to_citizens_and_businesses', 400_000_000),
        await area('digital_workplace', 250_000_000),
        await area('modernisation_of_systems_and_architecture', 350_000_000),
        await area(null, 100_000_000, 2028),
      ]) expect(res.status).toBe(201);
      const service = fundingPoolId('herning', forum, 2027, 'service_to_citizens_and_businesses');
      const committed = await commit(service, { amount: dkk(150_000_000) });
      expect(committed.status).toBe(201);
      // operations are refused with a clear error: the ordering party pays them, and nothing is committed
      const operations = await commit(service, { amount: dkk(1_000_000), costKind: 'operations' });
      expectProblem(operations, 422, ['costKind']);
      expect(operations.body.errors[0].reason).toContain('ordering party');

      const overview = await http().get('/v1/funding-pools/overview').query({ forumId: forum }).set(herning).set('X-Min-Position', committed.headers['x-log-position']);
      expect(overview.status).toBe(200);
      const figures = (amount: number, committedMinor = 0) => ({ amount: dkk(amount), committed: dkk(committedMinor), paidBack: dkk(0), available: dkk(amount - committedMinor) });
      expect(overview.body.years).toEqual([
        {
          year: 2027,
          currency: 'DKK',
          total: figures(1_000_000_000, 150_000_000),
          areas: [
            { investmentArea: 'digital_workplace', pools: 1, ...figures(250_000_000) },
            { investmentArea: 'modernisation_of_systems_and_architecture', pools: 1, ...figures(350_000_000) },
            { investmentArea: 'service_to_citizens_and_businesses', pools: 1, ...figures(400_000_000, 150_000_000) },
          ],
        },
        { year: 2028, currency: 'DKK', total: figures(100_000_000), areas: [{ investmentArea: null, pools: 1, ...figures(100_000_000) }] },
      ]);
      const only2028 = await http().get('/v1/funding-pools/overview').query({ forumId: forum, fromYear: '2028', toYear: '2028' }).set(herning);
      expect(only2028.body.years.map((y: { year: number }) => y.year)).toEqual([2028]);
      expect((await http().get('/v1/funding-pools/overview').query({ forumId: forum }).set(viborg)).body.years).toEqual([]);
      expectProblem(await http().get('/v1/funding-pools/overview').query({ fromYear: 'soon' }).set(herning), 400, ['fromYear']);
    });
  });

  describe('POST /v1/funding-pools/{id}/adjustments', () => {
    it('needs If-Match (428) and a fresh one (409); sets the new amount with its reason', async () => {
      const pool = await establish('adjusted');
      const id = pool.body.id;
      const body = { amount: dkk(1_200_000_000), reason: 'Budget agreement: the pool grows by DKK 2m' };
      expectProblem(await http().post(`/v1/funding-pools/${id}/adjustments`).set(herning).send(body), 428);
      const stale = await http().post(`/v1/funding-pools/${id}/adjustments`).set(herning).set('If-Match', '"4"').send(body);
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(1);
      expectProblem(await http().post(`/v1/funding-pools/${id}/adjustments`).set(herning).set('If-Match', '"1"').send({ amount: body.amount }), 400, ['reason']);
      expectProblem(
        await http().post(`/v1/funding-pools/${id}/adjustments`).set(herning).set('If-Match', '"1"').send({ ...body, amount: { amountMinor: 5, currency: 'EUR' } }),
        422,
        ['amount.currency'],
      );
      expectProblem(await http().post(`/v1/funding-pools/${id}/adjustments`).set(viborg).set('If-Match', '"1"').send(body), 404);
      expect((await http().get(`/v1/funding-pools/${id}`).set(herning)).body).toEqual(pool.body);

      const res = await http().post(`/v1/funding-pools/${id}/adjustments`).set(herning).set('If-Match', '"1"').send(body);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ amount: dkk(1_200_000_000), available: dkk(1_200_000_000), version: 2 });
    });

    it('refuses to go below what is committed (409 with the committed amount): the balance never goes negative', async () => {
      const pool = await establish('cut');
      const committed = await commit(pool.body.id, { amount: dkk(600_000_000) });
      expect(committed.status).toBe(201);
      const res = await http()
        .post(`/v1/funding-pools/${pool.body.id}/adjustments`)
        .set(herning)
        .set('If-Match', committed.headers.etag)
        .send({ amount: dkk(599_999_999), reason: 'Budget cut' });
      expectProblem(res, 409, ['amount.amountMinor']);
      expect(res.body.committed).toEqual(dkk(600_000_000));
      const exact = await http()
        .post(`/v1/funding-pools/${pool.body.id}/adjustments`)
        .set(herning)
        .set('If-Match', committed.headers.etag)
        .send({ amount: dkk(600_000_000), reason: 'Budget cut' });
      expect(exact.body).toMatchObject({ amount: dkk(600_000_000), committed: dkk(600_000_000), available: dkk(0) });
    });
  });

  describe('POST /v1/funding-pools/{id}/commitments and .../release', () => {
    it('commits development money to a proposal by a decision, and releases it back', async () => {
      const pool = await establish('committing');
      const id = pool.body.id;
      const res = await commit(id, { commitmentId: 'integration-2027', amount: dkk(60_000_000) });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/funding-pools/${id}/commitments/integration-2027`);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ amount: TEN_MILLION, committed: dkk(60_000_000), available: dkk(940_000_000) });
      const commitment = {
        commitmentId: 'integration-2027',
        proposalId,
        decisionId: 'decision-1',
        amount: dkk(60_000_000),
        costKind: 'development',
        status: 'active',
        releaseReason: null,
        // no payback agreement: funded under the development principle
        principle: 'development',
        committedAt: expect.any(String),
        committedBy: 'anna@herning.dk',
        releasedAt: null,
      };
      expect(res.body.commitments).toEqual([commitment]);
      expect((await http().get(res.headers.location).set(herning)).body).toEqual(commitment);

      const listed = await list({ forumId: 'committing' }, res.headers['x-log-position']);
      expect(listed.body.items[0]).toMatchObject({ committed: dkk(60_000_000), available: dkk(940_000_000), activeCommitments: 1 });

      const released = await http().post(`/v1/funding-pools/${id}/commitments/integration-2027/release`).set(herning).send({ reason: 'Project cancelled' });
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ committed: dkk(0), available: TEN_MILLION });
      expect(released.body.commitments[0]).toMatchObject({ status: 'released', releaseReason: 'Project cancelled', releasedAt: expect.any(String) });
      const twice = await http().post(`/v1/funding-pools/${id}/commitments/integration-2027/release`).set(herning).send({});
      expect(twice.status).toBe(200);
      expect(twice.headers['x-log-position']).toBeUndefined();
      expect(twice.body.version).toBe(released.body.version);

      expectProblem(await http().post(`/v1/funding-pools/${id}/commitments/unknown/release`).set(herning).send({}), 404);
      expectProblem(await http().post(`/v1/funding-pools/${id}/commitments/integration-2027/release`).set(viborg).send({}), 404);
      expectProblem(await http().get(`/v1/funding-pools/${id}/commitments/unknown`).set(herning), 404);
    });

    it('refuses more than the available balance (409 with the available amount), and operations costs (422)', async () => {
      const pool = await establish('refusing');
      const id = pool.body.id;
      await commit(id, { amount: dkk(700_000_000) });
      const tooMuch = await commit(id, { amount: dkk(300_000_001) });
      expectProblem(tooMuch, 409, ['amount.amountMinor']);
      expect(tooMuch.body).toMatchObject({ available: dkk(300_000_000), requested: dkk(300_000_001) });
      expectProblem(await commit(id, { amount: dkk(1_500_000), costKind: 'operations' }), 422, ['costKind']);
      expectProblem(await commit(id, { amount: dkk(1), costKind: 'licences' }), 400, ['costKind']);
      expectProblem(await commit(id, { amount: dkk(0) }), 422, ['amount.amountMinor']);
      expectProblem(await commit(id, { amount: { amountMinor: 1, currency: 'NOK' } }), 422, ['amount.currency']);
      expectProblem(await commit(id, { amount: dkk(1), proposalId: UNKNOWN }), 422, ['proposalId']);
      expectProblem(await commit(id, { amount: dkk(1), proposalId: 'not-a-uuid', decisionId: ' ' }), 400, ['proposalId', 'decisionId']);
      expectProblem(await commit(id, { amount: dkk(1) }, viborg), 404);
      expectProblem(await commit(UNKNOWN, { amount: dkk(1) }), 404);
      const viborgProposal = (await draft(t, { title: 'Viborg', departmentId: 'it' }, viborg)).body.id;
      expectProblem(await commit(id, { amount: dkk(1), proposalId: viborgProposal }), 422, ['proposalId']);
      const drafted = (await draft(t, { title: 'Still a draft', departmentId: 'it' }, herning)).body.id;
      const refusedDraft = await commit(id, { amount: dkk(1), proposalId: drafted });
      expectProblem(refusedDraft, 422, ['proposalId']);
      expect(refusedDraft.body.errors[0].reason).toContain('draft');

      const after = await http().get(`/v1/funding-pools/${id}`).set(herning);
      expect(after.body).toMatchObject({ committed: dkk(700_000_000), available: dkk(300_000_000), version: 2 });
      expect(await commit(id, { amount: dkk(300_000_000) }).then((r) => r.body.available)).toEqual(dkk(0));
    });

    it('commits once per Idempotency-Key and per commitmentId; another commitment under a used id is 409', async () => {
      const pool = await establish('idempotent-commitments');
      const id = pool.body.id;
      const body = { proposalId, decisionId: 'decision-7', costKind: 'development', amount: dkk(1_000_000) };
      const first = await http().post(`/v1/funding-pools/${id}/commitments`).set(herning).set('Idempotency-Key', 'commit-key-1').send(body);
      const retry = await http().post(`/v1/funding-pools/${id}/commitments`).set(herning).set('Idempotency-Key', 'commit-key-1').send(body);
      expect(first.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(first.body.commitments).toHaveLength(1);

      const withId = { ...body, commitmentId: 'c-42' };
      expect((await commit(id, withId)).status).toBe(201);
      const repeated = await commit(id, withId);
      expect(repeated.status).toBe(200);
      expect(repeated.body.committed).toEqual(dkk(2_000_000));
      expectProblem(await commit(id, { ...withId, amount: dkk(5) }), 409, ['commitmentId']);
      expectProblem(await http().post(`/v1/funding-pools/${id}/commitments`).set(herning).set('If-Match', '"1"').send(body), 409);
    });
  });

  describe('the exported application services', () => {
    it('FundingPoolReader.balance gives the agenda what the pool shows; CommitFundingCommand commits for the decisions context', async () => {
      const pool = await establish('agenda');
      // the agenda freeze binds its port to this service (`useExisting: FundingPoolReader`): the types must fit
      const reader: FundingPoolPort = t.app.get(FundingPoolReader);
      expect(await reader.balance('herning', pool.body.id)).toEqual({
        poolId: pool.body.id,
        year: 2027,
        amount: TEN_MILLION,
        committed: dkk(0),
        paidBack: dkk(0),
        available: TEN_MILLION,
      });
      expect(await reader.balance('viborg', pool.body.id)).toBeNull();
      expect(await reader.balance('herning', UNKNOWN)).toBeNull();

      const commands = t.app.get(CommandBus);
      const metadata = { actor: { subject: 'decisions', roles: ['forum_chair'], organisationId: 'herning' }, correlationId: randomUUID() };
      const request = { commitmentId: 'decision-9', proposalId, decisionId: 'decision-9', amount: dkk(250_000_000), costKind: 'development' as const };
      const result = await commands.execute(new CommitFundingCommand(pool.body.id, 'herning', request, metadata));
      expect(result.position).not.toBeNull();
      expect(await reader.balance('herning', pool.body.id)).toMatchObject({ committed: dkk(250_000_000), available: dkk(750_000_000) });
      const retried = await commands.execute(new CommitFundingCommand(pool.body.id, 'herning', request, metadata));
      expect(retried.position).toBeNull();
      await expect(commands.execute(new CommitFundingCommand(pool.body.id, 'herning', { ...request, commitmentId: 'decision-10', amount: TEN_MILLION }, metadata))).rejects.toBeInstanceOf(
        InsufficientFunds,
      );
    });
  });
});
