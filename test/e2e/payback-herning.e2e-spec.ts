import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { fundingPoolStream } from '../../libs/funding/application/funding-pool-id.js';
import { ConcludePaybackAgreementCommand } from '../../libs/funding/application/payback-agreement-commands.js';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import type { Money } from '../../libs/shared-kernel/money.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const director = actorHeaders('dorte@herning.dk', 'herning', 'director');
const viborg = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const dkk = (amountMinor: number): Money => ({ amountMinor, currency: 'DKK' });
/** DKK 100,000 in øre: what each side pays a year in Herning's example. */
const HUNDRED_THOUSAND = dkk(10_000_000);

/**
 * Herning's efficiency principle, worked example (seed 002 p. 17): a department buys a system for DKK 1m itself; the
 * pool pays DKK 600,000 for its integration with the ESDH; savings DKK 200,000 a year in the department and 200,000 in
 * the others; from year 1 each side pays DKK 100,000 a year into the pool for 3 years: DKK 600,000 back. And the
 * development principle: a DKK 500,000 Citizen Service module funded with no payback.
 */
describe('payback agreements over HTTP: Herning\'s worked example, to the øre', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let store: EventStore;
  let poolId: string;
  let integrationProposal: string;
  const agreementUrl = () => `/v1/funding-pools/${poolId}/payback-agreements/decision-integration`;
  const poolVersion = async () => (await store.readStream(fundingPoolStream(poolId))).length;

  async function submitted(title: string, departmentId: string): Promise<string> {
    const id = (await draft(t, { ...SUBMITTABLE, title, departmentId }, herning)).body.id as string;
    const res = await http().post(`/v1/proposals/${id}/submit`).set(herning);
    if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${res.text}`);
    return id;
  }

  const commit = (commitmentId: string, proposalId: string, amount: Money) =>
    http().post(`/v1/funding-pools/${poolId}/commitments`).set(herning).send({ commitmentId, proposalId, decisionId: commitmentId, costKind: 'development', amount });

  const HERNING_TERMS = {
    commitmentId: 'decision-integration',
    beneficiaries: [
      { partyId: 'department-x', yearlySavings: dkk(20_000_000) },
      { partyId: 'other-departments', yearlySavings: dkk(20_000_000) },
    ],
    shareBasisPoints: 5_000,
    years: 3,
  };
  const conclude = (body: Record<string, unknown>, headers = herning) => http().post(`/v1/funding-pools/${poolId}/payback-agreements`).set(headers).send(body);
  const pay = (body: Record<string, unknown>, url = agreementUrl()) => http().post(`${url}/payments`).set(herning).send(body);

  beforeAll(async () => {
    t = await startTestApp('e2e_payback');
    store = t.app.get(EVENT_STORE);
    integrationProposal = await submitted('Integration of the new case system with the ESDH', 'department-x');
    const citizenService = await submitted('Citizen Service module', 'citizen-service');
    const pool = await http().post('/v1/funding-pools').set(herning).send({ forumId: 'steering-group', year: 2027, name: 'Udviklingspuljen 2027', amount: dkk(500_000_000) });
    expect(pool.status).toBe(201);
    poolId = pool.body.id;
    expect((await commit('decision-integration', integrationProposal, dkk(60_000_000))).status).toBe(201);
    const module = await commit('decision-citizen-service', citizenService, dkk(50_000_000));
    expect(module.status).toBe(201);
    // the development principle: a service improvement funded with no payback
    expect(module.body.commitments.find((c: { commitmentId: string }) => c.commitmentId === 'decision-citizen-service')).toMatchObject({ principle: 'development', amount: dkk(50_000_000) });
    expect(module.body).toMatchObject({ committed: dkk(110_000_000), paidBack: dkk(0), available: dkk(390_000_000) });
  });
  afterAll(async () => t?.close());

  it('concludes the agreement: each side DKK 100,000 a year from year 1 for 3 years, DKK 600,000 in all, capped at the investment', async () => {
    const res = await conclude(HERNING_TERMS);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(agreementUrl());
    expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
    expect(res.body).toMatchObject({
      poolId,
      commitmentId: 'decision-integration',
      proposalId: integrationProposal,
      status: 'active',
      shareBasisPoints: 5_000,
      firstYear: 2028,
      years: 3,
      dueMonthDay: '12-31',
      invested: dkk(60_000_000),
      scheduled: dkk(60_000_000),
      paidBack: dkk(0),
      outstanding: dkk(60_000_000),
      payments: [],
      concludedBy: 'anna@herning.dk',
    });
    expect(res.body.installments.map((i: { year: number; partyId: string; dueOn: string; amount: Money }) => [i.year, i.partyId, i.dueOn, i.amount])).toEqual([
      [2028, 'department-x', '2028-12-31', HUNDRED_THOUSAND],
      [2028, 'other-departments', '2028-12-31', HUNDRED_THOUSAND],
      [2029, 'department-x', '2029-12-31', HUNDRED_THOUSAND],
      [2029, 'other-departments', '2029-12-31', HUNDRED_THOUSAND],
      [2030, 'department-x', '2030-12-31', HUNDRED_THOUSAND],
      [2030, 'other-departments', '2030-12-31', HUNDRED_THOUSAND],
    ]);
    const pool = await http().get(`/v1/funding-pools/${poolId}`).set(director);
    expect(pool.body.commitments.find((c: { commitmentId: string }) => c.commitmentId === 'decision-integration').principle).toBe('efficiency');

    const retry = await conclude(HERNING_TERMS);
    expect(retry.status).toBe(200);
    expect(retry.headers['x-log-position']).toBeUndefined();
    const other = await conclude({ ...HERNING_TERMS, shareBasisPoints: 2_500 });
    expectProblem(other, 409, ['commitmentId']);
  });

  it('owes nothing after the cap: asked for a fourth year, the schedule still ends after three', async () => {
    // another forum's pool, so that this agreement's unpaid installments stay out of the steering group's figures
    const pool = await http().post('/v1/funding-pools').set(herning).send({ forumId: 'digital-workplace-group', year: 2027, name: 'Pulje', amount: dkk(100_000_000) });
    const proposal = await submitted('Another integration', 'department-x');
    const committed = await http()
      .post(`/v1/funding-pools/${pool.body.id}/commitments`)
      .set(herning)
      .send({ commitmentId: 'decision-four-years', proposalId: proposal, decisionId: 'decision-four-years', costKind: 'development', amount: dkk(60_000_000) });
    expect(committed.status).toBe(201);
    const res = await http()
      .post(`/v1/funding-pools/${pool.body.id}/payback-agreements`)
      .set(herning)
      .send({ ...HERNING_TERMS, commitmentId: 'decision-four-years', years: 4 });
    expect(res.status).toBe(201);
    expect(res.body.scheduled).toEqual(dkk(60_000_000));
    expect([...new Set(res.body.installments.map((i: { year: number }) => i.year))]).toEqual([2028, 2029, 2030]);
  });

  const BAD: [string, Record<string, unknown>, number, string[]][] = [
    ['no beneficiaries', { beneficiaries: [] }, 400, ['beneficiaries']],
    ['a share of 0', { shareBasisPoints: 0 }, 400, ['shareBasisPoints']],
    ['a share as text', { shareBasisPoints: '50%' }, 400, ['shareBasisPoints']],
    ['a fraction of an øre saved', { beneficiaries: [{ partyId: 'a', yearlySavings: dkk(0.5) }] }, 400, ['beneficiaries.0.yearlySavings.amountMinor']],
    ['no years', { years: 0 }, 400, ['years']],
    ['an unknown field', { interest: 2 }, 400, ['interest']],
    ['savings in euro', { beneficiaries: [{ partyId: 'a', yearlySavings: { amountMinor: 100, currency: 'EUR' } }] }, 422, ['beneficiaries[0].yearlySavings.currency']],
    ['a party named twice', { beneficiaries: [HERNING_TERMS.beneficiaries[0], HERNING_TERMS.beneficiaries[0]] }, 422, ['beneficiaries[1].partyId']],
    ['a leap day as due day', { dueMonthDay: '02-29' }, 422, ['dueMonthDay']],
    ['a first year before the investment', { firstYear: 2026 }, 422, ['firstYear']],
  ];

  it.each(BAD)('refuses %s, naming the fields and writing nothing', async (_what, overrides, status, fields) => {
    const before = await poolVersion();
    expectProblem(await conclude({ ...HERNING_TERMS, commitmentId: 'decision-citizen-service', ...overrides }), status, fields);
    expect(await poolVersion()).toBe(before);
  });

  it("refuses an unknown commitment, another organisation's pool, a released commitment; none writes anything", async () => {
    const before = await poolVersion();
    expectProblem(await conclude({ ...HERNING_TERMS, commitmentId: 'no-such-decision' }), 404);
    expectProblem(await conclude({ ...HERNING_TERMS, commitmentId: 'decision-citizen-service' }, viborg), 404);
    expectProblem(await http().get(agreementUrl()).set(viborg), 404);
    expectProblem(await http().get(`/v1/funding-pools/${poolId}/payback-agreements/decision-citizen-service`).set(herning), 404);
    expect(await poolVersion()).toBe(before);
  });

  it('takes the payments, judges what is overdue on a date, and returns DKK 600,000 to the pool; nothing beyond', async () => {
    const paid = (partyId: string, year: number, paidOn: string, amount = HUNDRED_THOUSAND) => pay({ paymentId: `${partyId}-${year}`, partyId, year, amount, paidOn });

    expect((await paid('department-x', 2028, '2028-12-15')).status).toBe(201);
    expect((await paid('other-departments', 2028, '2028-12-20')).status).toBe(201);
    expect((await paid('department-x', 2029, '2029-12-10')).status).toBe(201);
    // the other departments are late with 2029
    const late = await http().get(agreementUrl()).query({ asOf: '2030-01-15' }).set(herning);
    expect(late.body).toMatchObject({ asOf: '2030-01-15', paidBack: dkk(30_000_000), outstanding: dkk(30_000_000), overdue: HUNDRED_THOUSAND });
    expect(late.body.installments.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid', 'paid', 'overdue', 'open', 'open']);
    const onDueDay = await http().get(agreementUrl()).query({ asOf: '2029-12-31' }).set(herning);
    expect(onDueDay.body.overdue).toEqual(dkk(0));

    const position = (await paid('department-x', 2030, '2030-06-30')).headers['x-log-position'];
    const overdue = await http().get('/v1/payback-agreements/overdue').query({ asOf: '2030-01-15', poolId }).set(director).set('X-Min-Position', position);
    expect(overdue.status).toBe(200);
    expect(overdue.body).toEqual({
      asOf: '2030-01-15',
      byParty: [{ partyId: 'other-departments', outstanding: HUNDRED_THOUSAND, installments: 1 }],
      installments: [
        {
          poolId,
          commitmentId: 'decision-integration',
          proposalId: integrationProposal,
          partyId: 'other-departments',
          year: 2029,
          dueOn: '2029-12-31',
          amount: HUNDRED_THOUSAND,
          paid: dkk(0),
          outstanding: HUNDRED_THOUSAND,
        },
      ],
    });

    // a payment beyond what an installment owes is refused with what it owes; so is a year after the cap
    const before = await poolVersion();
    const tooMuch = await paid('other-departments', 2029, '2030-02-01', dkk(10_000_001));
    expectProblem(tooMuch, 409, ['amount.amountMinor']);
    expect(tooMuch.body.outstanding).toEqual(HUNDRED_THOUSAND);
    expectProblem(await paid('other-departments', 2031, '2031-02-01'), 422, ['year']);
    expectProblem(await paid('finance', 2029, '2030-02-01'), 422, ['partyId']);
    expectProblem(await pay({ partyId: 'department-x', year: 2030, amount: dkk(1), paidOn: '2030-02-30' }), 400, ['paidOn']);
    expectProblem(await pay({ partyId: 'department-x', year: 2030, amount: dkk(-1), paidOn: '2030-02-01' }), 400, ['amount.amountMinor']);
    expectProblem(await pay({ partyId: 'department-x', year: 2030, amount: dkk(1), paidOn: '2030-02-01' }, `/v1/funding-pools/${poolId}/payback-agreements/decision-citizen-service`), 404);
    expect(await poolVersion()).toBe(before);

    expect((await paid('other-departments', 2029, '2030-02-01')).status).toBe(201);
    const last = await paid('other-departments', 2030, '2030-12-01');
    expect(last.status).toBe(201);
    // a retried payment records nothing; its id for another payment is a conflict
    const retried = await paid('other-departments', 2030, '2030-12-01');
    expect(retried.status).toBe(200);
    expect(retried.headers['x-log-position']).toBeUndefined();
    expectProblem(await pay({ paymentId: 'other-departments-2030', partyId: 'other-departments', year: 2030, amount: dkk(1), paidOn: '2030-12-02' }), 409, ['paymentId']);

    expect(last.body).toMatchObject({ paidBack: dkk(60_000_000), outstanding: dkk(0), scheduled: dkk(60_000_000), invested: dkk(60_000_000) });
    expect(last.body.payments).toHaveLength(6);
    expect(last.body.installments.every((i: { status: string }) => i.status === 'paid')).toBe(true);

    // the DKK 600,000 flow back into the pool: balance = amount - commitments + paybacks
    const pool = await http().get(`/v1/funding-pools/${poolId}`).set(herning);
    expect(pool.body).toMatchObject({ amount: dkk(500_000_000), committed: dkk(110_000_000), paidBack: dkk(60_000_000), available: dkk(450_000_000) });
    const overview = await http().get('/v1/funding-pools/overview').query({ forumId: 'steering-group' }).set(herning).set('X-Min-Position', last.headers['x-log-position']);
    expect(overview.body.years[0].total).toEqual({ amount: dkk(500_000_000), committed: dkk(110_000_000), paidBack: dkk(60_000_000), available: dkk(450_000_000) });

    // paid back, the commitment cannot be released too: the investment would return twice
    const release = await http().post(`/v1/funding-pools/${poolId}/commitments/decision-integration/release`).set(herning).send({ reason: 'Closing' });
    expectProblem(release, 409, ['commitmentId']);
    expect(release.body.paidBack).toEqual(dkk(60_000_000));
  });

  it('ends an agreement whose commitment is released before any payback', async () => {
    const proposal = await submitted('Cancelled integration', 'department-x');
    expect((await commit('decision-cancelled', proposal, dkk(1_000_000))).status).toBe(201);
    expect((await conclude({ ...HERNING_TERMS, commitmentId: 'decision-cancelled' })).status).toBe(201);
    const released = await http().post(`/v1/funding-pools/${poolId}/commitments/decision-cancelled/release`).set(herning).send({ reason: 'Project cancelled' });
    expect(released.status).toBe(200);
    const agreement = await http().get(`/v1/funding-pools/${poolId}/payback-agreements/decision-cancelled`).query({ asOf: '2035-01-01' }).set(herning);
    expect(agreement.body).toMatchObject({ status: 'ended', outstanding: dkk(0), overdue: dkk(0) });
    expect(agreement.body.installments.every((i: { status: string }) => i.status === 'cancelled')).toBe(true);
    expectProblem(await pay({ partyId: 'department-x', year: 2028, amount: dkk(1), paidOn: '2028-12-01' }, `/v1/funding-pools/${poolId}/payback-agreements/decision-cancelled`), 409, ['commitmentId']);
  });

  it('the decisions context can conclude an agreement on an approval through the command bus', async () => {
    const proposal = await submitted('Approved with savings', 'department-x');
    expect((await commit('decision-bus', proposal, dkk(30_000_000))).status).toBe(201);
    const metadata = { actor: { subject: 'decisions', roles: ['forum_chair'], organisationId: 'herning' }, correlationId: randomUUID() };
    const terms = { beneficiaries: [{ partyId: 'department-x', yearlySavings: dkk(12_000_000) }], shareBasisPoints: 5_000, firstYear: null, years: 10, dueMonthDay: '06-30' };
    const result = await t.app.get(CommandBus).execute(new ConcludePaybackAgreementCommand(poolId, 'herning', 'decision-bus', terms, metadata));
    expect(result.position).not.toBeNull();
    // DKK 60,000 a year against DKK 300,000 invested: five years, then the cap
    expect(result.agreement.installments.map((i) => [i.year, i.dueOn, i.amount.amountMinor])).toEqual([
      [2028, '2028-06-30', 6_000_000],
      [2029, '2029-06-30', 6_000_000],
      [2030, '2030-06-30', 6_000_000],
      [2031, '2031-06-30', 6_000_000],
      [2032, '2032-06-30', 6_000_000],
    ]);
  });

  it('lists agreements, and the read models rebuild from the log to the same answers', async () => {
    const sentinel = await http().post('/v1/funding-pools').set(herning).send({ forumId: `sentinel-${randomUUID()}`, year: 2027, name: 'Sentinel', amount: dkk(1) });
    const position = sentinel.headers['x-log-position'];
    const list = () => http().get('/v1/payback-agreements').query({ poolId }).set(herning).set('X-Min-Position', position);
    const overdue = () => http().get('/v1/payback-agreements/overdue').query({ asOf: '2033-01-01' }).set(herning).set('X-Min-Position', position);
    const overview = () => http().get('/v1/funding-pools/overview').set(herning).set('X-Min-Position', position);
    const before = { list: (await list()).body, overdue: (await overdue()).body, overview: (await overview()).body };
    expect(before.list.items.map((a: { commitmentId: string; status: string }) => [a.commitmentId, a.status])).toEqual([
      ['decision-bus', 'active'],
      ['decision-cancelled', 'ended'],
      ['decision-integration', 'active'],
    ]);
    expect(before.list.items.find((a: { commitmentId: string }) => a.commitmentId === 'decision-integration')).toMatchObject({
      invested: dkk(60_000_000),
      scheduled: dkk(60_000_000),
      paidBack: dkk(60_000_000),
      nextDueOn: null,
    });
    // by 2033 none of decision-bus's five installments was paid, and the other pool's agreement owes three years each
    expect(before.overdue.byParty).toEqual([
      { partyId: 'department-x', outstanding: dkk(30_000_000 + 30_000_000), installments: 8 },
      { partyId: 'other-departments', outstanding: dkk(30_000_000), installments: 3 },
    ]);
    expect((await http().get('/v1/payback-agreements/overdue').query({ asOf: '2033-01-01', poolId }).set(herning)).body.byParty).toEqual([
      { partyId: 'department-x', outstanding: dkk(30_000_000), installments: 5 },
    ]);
    expect((await http().get('/v1/payback-agreements').query({ poolId, status: 'ended' }).set(herning)).body.items).toHaveLength(1);
    const page1 = await http().get('/v1/payback-agreements').query({ poolId, limit: '2' }).set(herning);
    const page2 = await http().get('/v1/payback-agreements').query({ poolId, limit: '2', cursor: page1.body.nextCursor }).set(herning);
    expect([...page1.body.items, ...page2.body.items]).toEqual(before.list.items);
    expectProblem(await http().get('/v1/payback-agreements').query({ cursor: 'bm90LWEtY3Vyc29y' }).set(herning), 400, ['cursor']);
    expectProblem(await http().get('/v1/payback-agreements/overdue').query({ asOf: 'yesterday' }).set(herning), 400, ['asOf']);
    expect((await http().get('/v1/payback-agreements').set(viborg)).body.items).toEqual([]);

    const runtime = t.app.get(ProjectionRuntime);
    await runtime.rebuild('payback_agreements');
    await runtime.rebuild('funding_pools');
    expect({ list: (await list()).body, overdue: (await overdue()).body, overview: (await overview()).body }).toEqual(before);
  });
});
