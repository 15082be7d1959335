import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const itf = actorHeaders('pmo@it-forsyningen.dk', 'it-forsyningen', 'programme_office');
const auditor = actorHeaders('revisor@it-forsyningen.dk', 'it-forsyningen', 'auditor');
const ballerup = actorHeaders('pmo@ballerup.dk', 'ballerup', 'programme_office');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const OWNER = { person: { name: 'Peter Olrik', email: 'peter.olrik@egedal.dk' } };

/**
 * IT-Forsyningen (seed 001 pp. 30-31): a business case of DKK 12m invested for almost DKK 6m a year at full phase-in
 * and about 5 FTE fewer; it cost DKK 9m and the FTE reduction was in place after one year. The phase-in plan and the
 * yearly figures below are this test's assumptions; the seed gives only those totals.
 */
describe('benefit realisation over HTTP: IT-Forsyningen', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let projectId: string;
  let board: string;
  let base: string;
  let knownBeforeCorrection: string;
  let lastPosition: string;

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    if (answer.headers['x-log-position']) lastPosition = answer.headers['x-log-position'];
    return answer;
  }

  const report = (query: Record<string, string>, headers = itf) => http().get('/v1/realisation-report').query(query).set(headers).set('X-Min-Position', lastPosition);
  const measure = (benefitId: string, body: Record<string, unknown>) => http().post(`${base}/benefits/${benefitId}/measurements`).set(itf).send(body);
  const version = async () => (await ok(http().get(base).set(itf), 200)).body.version as number;

  beforeAll(async () => {
    t = await startTestApp('e2e_benefits');
    await ok(http().post('/v1/organisations').set(itf).send({ id: 'it-forsyningen', name: 'IT-Forsyningen I/S', kind: 'collaboration' }), 201);
    const forum = { kind: 'board', mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } };
    board = (await ok(http().post('/v1/forums').set(itf).send({ ...forum, name: 'Bestyrelsen' }), 201)).body.id;
    projectId = (await draft(t, { ...SUBMITTABLE, title: 'Fælles it-drift', departmentId: 'ballerup' }, itf)).body.id;
    await ok(http().post(`/v1/proposals/${projectId}/submit`).set(itf), 200);
    let project = await http().get(`/v1/projects/${projectId}`).set(itf);
    for (let attempt = 0; project.status === 404 && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      project = await http().get(`/v1/projects/${projectId}`).set(itf);
    }
    expect(project.status).toBe(200);
    base = `/v1/business-cases/${projectId}`;
  });
  afterAll(async () => t?.close());

  it('prepares the business case: DKK 12m for almost DKK 6m a year and about 5 FTE', async () => {
    const body = {
      projectId,
      forumId: board,
      investment: dkk(12_000_000),
      expectedYearlyGain: dkk(5_900_000),
      expectedFteReductionHundredths: 500,
      qualitativeBenefits: ['Mindre sårbarhed over for stigende kompetencekrav', 'Bedre muligheder for rekruttering'],
    };
    const bad: [Record<string, unknown>, number, string[]][] = [
      [{ ...body, investment: dkk(-1) }, 400, ['investment.amountMinor']],
      [{ ...body, investment: { amountMinor: 1.5, currency: 'DKK' } }, 400, ['investment.amountMinor']],
      [{ ...body, expectedYearlyGain: { amountMinor: 1, currency: 'EUR' } }, 422, ['expectedYearlyGain.currency']],
      [{ ...body, projectId: UNKNOWN }, 422, ['projectId']],
      [{ ...body, forumId: 'no-such-forum' }, 422, ['forumId']],
      [{ ...body, expectedFteReductionHundredths: 4.5 }, 400, ['expectedFteReductionHundredths']],
    ];
    for (const [request, status, fields] of bad) expectProblem(await http().post('/v1/business-cases').set(itf).send(request), status, fields);
    expectProblem(await http().post('/v1/business-cases').set(ballerup).send(body), 422, ['projectId']);
    expectProblem(await http().get(base).set(itf), 404);

    const prepared = await ok(http().post('/v1/business-cases').set(itf).send(body), 201);
    expect(prepared.headers.location).toBe(base);
    expect(prepared.body).toMatchObject({ projectId, forumId: board, investment: dkk(12_000_000), expectedYearlyGain: dkk(5_900_000), expectedFteReductionHundredths: 500, version: 1 });
    expectProblem(await http().post('/v1/business-cases').set(itf).send(body), 409, ['projectId']);
    expectProblem(await http().get(base).set(ballerup), 404);
  });

  it('defines benefits with an owner, a baseline and a plan per period', async () => {
    const economic = {
      benefitId: 'operations-savings',
      name: 'Lavere udgifter til it-drift',
      kind: 'economic',
      owner: OWNER,
      baseline: { value: 0, on: '2012-12-31', description: 'Three separate operations' },
      periodicity: 'year',
      plan: [
        { period: '2014', value: dkk(2_950_000).amountMinor },
        { period: '2015', value: dkk(5_900_000).amountMinor },
        { period: '2016', value: dkk(5_900_000).amountMinor },
      ],
      dueAfterDays: 90,
    };
    expectProblem(await http().post(`${base}/benefits`).set(itf).send({ ...economic, owner: undefined }), 400, ['owner']);
    expectProblem(await http().post(`${base}/benefits`).set(itf).send({ ...economic, plan: [{ period: '2014-Q1', value: 1 }] }), 422, ['plan.0.period']);
    expectProblem(await http().post(`${base}/benefits`).set(itf).send({ ...economic, unit: 'kr' }), 422, ['unit']);
    expectProblem(await http().post(`${base}/benefits`).set(itf).send({ ...economic, plan: [] }), 422, ['plan']);
    expect(await version()).toBe(1);

    const defined = await ok(http().post(`${base}/benefits`).set(itf).send(economic), 201);
    expect(defined.body.benefits[0]).toMatchObject({ benefitId: 'operations-savings', valueUnit: 'øre', plan: { 2014: 295_000_000, 2015: 590_000_000, 2016: 590_000_000 } });
    expect((await ok(http().post(`${base}/benefits`).set(itf).send(economic), 200)).body.version).toBe(2);
    expectProblem(await http().post(`${base}/benefits`).set(itf).send({ ...economic, name: 'Other' }), 409, ['benefitId']);

    await ok(
      http().post(`${base}/benefits`).set(itf).send({
        benefitId: 'fewer-fte',
        name: 'Færre årsværk',
        kind: 'fte',
        owner: OWNER,
        baseline: { value: 0, on: '2012-12-31' },
        periodicity: 'year',
        plan: [
          { period: '2014', value: 250 },
          { period: '2015', value: 500 },
        ],
      }),
      201,
    );
    await ok(
      http().post(`${base}/benefits`).set(itf).send({
        benefitId: 'less-vulnerable',
        name: 'Mindre sårbarhed ved nedbrud',
        kind: 'qualitative',
        unit: 'critical incidents a year',
        owner: { person: { name: 'Servicechefen', email: 'service@it-forsyningen.dk' } },
        baseline: { value: 12, on: '2012-12-31' },
        periodicity: 'year',
        plan: [
          { period: '2014', value: 8 },
          { period: '2015', value: 6 },
        ],
        dueAfterDays: 90,
      }),
      201,
    );
    expect(await version()).toBe(4);
  });

  it('records what it cost (DKK 9m) and the measurements; refuses bad ones and changes nothing', async () => {
    expectProblem(await http().post(`${base}/investment-actuals`).set(itf).send({ amount: dkk(9_000_000), recordedOn: '2014-06-30' }), 428);
    expectProblem(await http().post(`${base}/investment-actuals`).set(itf).set('If-Match', '"4"').send({ amount: dkk(9_000_000), recordedOn: '2999-01-01' }), 422, ['recordedOn']);
    await ok(http().post(`${base}/investment-actuals`).set(itf).set('If-Match', '"4"').send({ amount: dkk(9_000_000), recordedOn: '2014-06-30', note: 'Etableringen kostede ca. 9 mio. kr.' }), 200);

    await ok(measure('fewer-fte', { measurementId: 'fte-2014', period: '2014', value: 500, measuredOn: '2015-01-31', note: 'Reduktionen var på plads efter ét år' }), 201);
    await ok(measure('operations-savings', { measurementId: 'savings-2014', period: '2014', value: dkk(3_100_000).amountMinor, measuredOn: '2015-02-15' }), 201);
    const before = await version();

    const BAD: [string, string, Record<string, unknown>, number, string[]][] = [
      ['a period not yet ended', 'operations-savings', { period: '2015', value: 1, measuredOn: '2015-12-31' }, 422, ['measuredOn']],
      ['a day in the future', 'operations-savings', { period: '2015', value: 1, measuredOn: '2999-01-01' }, 422, ['measuredOn']],
      ['a period of another length', 'operations-savings', { period: '2015-Q1', value: 1, measuredOn: '2015-05-01' }, 422, ['period']],
      ['a fraction of an øre', 'operations-savings', { period: '2015', value: 0.5, measuredOn: '2016-02-01' }, 400, ['value']],
      ['a second measurement of a measured period', 'operations-savings', { period: '2014', value: 1, measuredOn: '2015-03-01' }, 409, ['corrects']],
      ['a correction of another measurement', 'operations-savings', { period: '2014', value: 1, measuredOn: '2015-03-01', corrects: 'fte-2014', reason: 'x' }, 409, ['corrects']],
      ['a correction without a reason', 'operations-savings', { period: '2014', value: 1, measuredOn: '2015-03-01', corrects: 'savings-2014' }, 422, ['reason']],
      ['an unknown benefit', 'nothing', { period: '2014', value: 1, measuredOn: '2015-03-01' }, 404, []],
    ];
    for (const [what, benefitId, body, status, fields] of BAD) {
      const res = await measure(benefitId, body);
      expect({ what, status: res.status }).toEqual({ what, status });
      expectProblem(res, status, fields.length ? fields : undefined);
    }
    expectProblem(await http().post(`/v1/business-cases/${UNKNOWN}/benefits/fewer-fte/measurements`).set(itf).send({ period: '2014', value: 1, measuredOn: '2015-03-01' }), 404);
    expectProblem(await http().post(`${base}/benefits/fewer-fte/measurements`).set(ballerup).send({ period: '2015', value: 1, measuredOn: '2016-03-01' }), 404);
    expect(await version()).toBe(before);

    // what was known before the correction, for the report below
    knownBeforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const corrected = await ok(
      measure('operations-savings', { measurementId: 'savings-2014-corrected', period: '2014', value: dkk(3_300_000).amountMinor, measuredOn: '2015-05-01', corrects: 'savings-2014', reason: 'Licence savings booked late' }),
      201,
    );
    const savings = corrected.body.benefits.find((b: { benefitId: string }) => b.benefitId === 'operations-savings');
    expect(savings.measurements.map((m: { measurementId: string; corrects: string | null }) => [m.measurementId, m.corrects])).toEqual([
      ['savings-2014', null],
      ['savings-2014-corrected', 'savings-2014'],
    ]);
  });

  it('reports planned against actual as of any day: the FTE reduction ahead of plan, the investment below it', async () => {
    const early = await ok(report({ asOf: '2015-03-31', projectId }, auditor), 200);
    const [project] = early.body.projects;
    expect(project.investment).toEqual({ planned: dkk(12_000_000), actual: dkk(9_000_000), actualRecordedOn: '2014-06-30' });
    const benefit = (id: string) => project.benefits.find((b: { benefitId: string }) => b.benefitId === id);
    // the correction was measured on 1 May 2015: on 31 March the first figure stood
    expect(benefit('operations-savings')).toMatchObject({ plannedToDate: 295_000_000, actualToDate: 310_000_000, plannedTotal: 1_475_000_000, aggregation: 'sum' });
    expect(benefit('fewer-fte')).toMatchObject({ plannedToDate: 250, actualToDate: 500, plannedTotal: 500, aggregation: 'latest' });
    expect(benefit('less-vulnerable').periods[0]).toMatchObject({ period: '2014', dueOn: '2015-03-31', status: 'awaiting_measurement', actual: null });
    expect(project.totals).toEqual({
      economic: { plannedToDate: dkk(2_950_000), actualToDate: dkk(3_100_000), plannedTotal: dkk(14_750_000) },
      fteHundredths: { plannedToDate: 250, actualToDate: 500, plannedTotal: 500 },
    });

    const later = (await ok(report({ asOf: '2015-06-30', projectId }), 200)).body.projects[0];
    const laterSavings = later.benefits.find((b: { benefitId: string }) => b.benefitId === 'operations-savings');
    expect(laterSavings).toMatchObject({ actualToDate: 330_000_000 });
    expect(laterSavings.periods[0]).toMatchObject({ period: '2014', actual: 330_000_000, measurementId: 'savings-2014-corrected', corrected: true, status: 'measured' });
    expect(later.overdueMeasurements).toBe(1);

    // what the service knew before the correction was recorded
    const then = (await ok(report({ asOf: '2015-06-30', projectId, knownAt: knownBeforeCorrection }), 200)).body.projects[0];
    expect(then.benefits.find((b: { benefitId: string }) => b.benefitId === 'operations-savings')).toMatchObject({ actualToDate: 310_000_000 });
    const caseThen = await ok(http().get(base).query({ knownAt: knownBeforeCorrection }).set(auditor), 200);
    expect(caseThen.body.benefits.find((b: { benefitId: string }) => b.benefitId === 'operations-savings').measurements).toHaveLength(1);
  });

  it('reports per forum and for the organisation, and lists the overdue follow-ups as of a day', async () => {
    const byForum = await ok(report({ asOf: '2016-12-31', forumId: board }), 200);
    const organisation = await ok(report({ asOf: '2016-12-31' }), 200);
    expect(byForum.body.projects).toEqual(organisation.body.projects);
    expect(organisation.body.totals).toEqual([
      {
        currency: 'DKK',
        projects: 1,
        investmentPlanned: dkk(12_000_000),
        investmentActual: dkk(9_000_000),
        economicPlannedToDate: dkk(14_750_000),
        economicActualToDate: dkk(3_300_000),
        fteHundredthsPlannedToDate: 500,
        fteHundredthsActualToDate: 500,
      },
    ]);
    expect((await ok(report({ asOf: '2016-12-31', forumId: 'another-forum' }), 200)).body.projects).toEqual([]);
    expect((await ok(report({ asOf: '2016-12-31' }, ballerup), 200)).body.projects).toEqual([]);
    expect((await ok(report({ asOf: '2013-06-30' }), 200)).body.totals[0]).toMatchObject({ investmentActual: dkk(0), economicActualToDate: dkk(0) });

    const followUps = (asOf: string) => http().get('/v1/benefit-follow-ups').query({ asOf }).set(itf).set('X-Min-Position', lastPosition);
    expect((await ok(followUps('2015-03-31'), 200)).body.items).toEqual([]);
    const overdue = await ok(followUps('2016-04-01'), 200);
    expect(overdue.body.items.map((i: { benefitId: string; period: string; dueOn: string; daysOverdue: number }) => [i.benefitId, i.period, i.dueOn, i.daysOverdue])).toEqual([
      ['less-vulnerable', '2014', '2015-03-31', 367],
      ['fewer-fte', '2015', '2016-02-29', 32],
      ['less-vulnerable', '2015', '2016-03-30', 2],
      ['operations-savings', '2015', '2016-03-30', 2],
    ]);
    expect(overdue.body.items[0]).toMatchObject({ projectId, forumId: board, owner: { person: { name: 'Servicechefen', email: 'service@it-forsyningen.dk' } } });

    expectProblem(await report({ asOf: '2015-02-30' }), 400, ['asOf']);
    expectProblem(await report({ knownAt: '2015-06-30T12:00:00' }), 400, ['knownAt']);
    expectProblem(await report({ projectId: 'x' }), 400, ['projectId']);
  });

  it('revises the business case and amends a benefit with If-Match; the facts read model rebuilds to the same reports', async () => {
    const current = await version();
    expectProblem(await http().patch(base).set(itf).send({ reason: 'x', investment: dkk(13_000_000) }), 428);
    expectProblem(await http().patch(base).set(itf).set('If-Match', `"${current - 1}"`).send({ reason: 'x', investment: dkk(13_000_000) }), 409);
    expectProblem(await http().patch(base).set(itf).set('If-Match', `"${current}"`).send({ investment: dkk(13_000_000) }), 400, ['reason']);
    const revised = await ok(http().patch(base).set(itf).set('If-Match', `"${current}"`).send({ reason: 'Hardware price update', investment: dkk(12_500_000) }), 200);
    expect(revised.body.investment).toEqual(dkk(12_500_000));
    const amended = await ok(
      http()
        .patch(`${base}/benefits/fewer-fte`)
        .set(itf)
        .set('If-Match', revised.headers.etag)
        .send({ reason: 'New owner', owner: { person: { name: 'Direktøren', email: 'direktor@it-forsyningen.dk' } } }),
      200,
    );
    expect(amended.body.benefits.find((b: { benefitId: string }) => b.benefitId === 'fewer-fte').owner.person.name).toBe('Direktøren');

    const time = { asOf: '2016-12-31', knownAt: new Date().toISOString() };
    const answers = async () => [(await ok(report(time), 200)).body, (await ok(http().get('/v1/benefit-follow-ups').query(time).set(itf).set('X-Min-Position', lastPosition), 200)).body];
    const before = await answers();
    expect(before[0].projects[0].investment.planned).toEqual(dkk(12_500_000));
    await t.app.get(ProjectionRuntime).rebuild('business_case_facts');
    expect(await answers()).toEqual(before);
  });
});
