import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem, type Headers } from '../support/proposals.js';

/**
 * 4K (seed 001 pp. 25-29): Gentofte, Gladsaxe, Lyngby-Taarbæk and Rudersdal under one steering group of their four
 * CEOs. Every member takes part in every project unless it opts out; costs and hours are shared by those taking
 * part, and only the net difference is settled, once a year, on one statement per member. A year, through HTTP.
 */
const FOUR_K = ['gentofte', 'gladsaxe', 'lyngby-taarbaek', 'rudersdal'] as const;
const [gentofte, gladsaxe, lyngby, rudersdal] = FOUR_K;
const po = (organisation: string): Headers => actorHeaders(`programme-office@${organisation}.dk`, organisation, 'programme_office');
const secretariat = po('fire-k');
const dkk = (amountMinor: number) => ({ amountMinor, currency: 'DKK' });

describe('4K: a year of joint projects and its net settlement, through HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let id: string;
  const base = () => `/v1/collaborations/${id}`;
  const etag = async () => (await http().get(base()).set(secretariat)).headers.etag as string;

  beforeAll(async () => {
    t = await startTestApp('e2e_settlement_4k');
    for (const [organisation, kind] of [['fire-k', 'collaboration'], ...FOUR_K.map((m) => [m, 'municipality'])]) {
      const res = await request(t.server).post('/v1/organisations').set(po(organisation)).send({ id: organisation, name: organisation, kind });
      if (res.status !== 201) throw new Error(`register ${organisation}: ${res.status} ${res.text}`);
    }
  });
  afterAll(async () => t?.close());

  async function ok(res: request.Response, status = 200): Promise<request.Response> {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
    return res;
  }

  it('the secretariat sets up 4K: members since 2020, the steering group, a fixed fee, the hourly rate', async () => {
    const established = await ok(await http().post('/v1/collaborations').set(secretariat).send({ name: '4K', legalForm: 'agreement' }), 201);
    id = established.body.id;
    expect(established.headers.location).toBe(`/v1/collaborations/${id}`);
    for (const member of FOUR_K) await ok(await http().post(`${base()}/members`).set(secretariat).send({ organisationId: member, joinedOn: '2020-01-01' }), 201);

    const forum = await ok(
      await http()
        .post('/v1/forums')
        .set(secretariat)
        .send({
          name: '4K-styregruppen (de fire kommunaldirektører)',
          kind: 'steering_group',
          mandate: { decisionKinds: ['approve', 'reject', 'defer'], investmentAreas: [], departmentIds: [], maximumAmount: dkk(400_000_000) },
          decisionRule: { kind: 'unanimity', quorum: { kind: 'fraction', numerator: 1, denominator: 1 } },
        }),
      201,
    );
    await ok(await http().post(`${base()}/forums`).set(secretariat).send({ forumId: forum.body.id }), 201);
    // the secretariat's cost in four equal parts, one invoice a year: DKK 100,000 a half-year each
    await ok(await http().put(`${base()}/fee-scheme`).set(secretariat).set('If-Match', await etag()).send({ kind: 'fixed_per_half_year', amount: dkk(10_000_000), effectiveFromYear: 2027 }));
    const rate = await ok(await http().put(`${base()}/hourly-rate`).set(secretariat).set('If-Match', await etag()).send({ rate: dkk(57_500), effectiveFrom: '2027-01-01' }));
    expect(rate.body).toMatchObject({ forumIds: [forum.body.id], hourlyRates: [{ rate: dkk(57_500), effectiveFrom: '2027-01-01' }] });
    expect(rate.body.members.map((m: { organisationId: string }) => m.organisationId)).toEqual([...FOUR_K]);
  });

  it('Rudersdal opts out of one joint project; the others start it, and a voluntary project lacking sign-ups may not start', async () => {
    await ok(
      await http().post(`${base()}/projects`).set(secretariat).send({ projectId: 'byggesag', name: 'Byggesagsbehandlingscenter uden vægge', kind: 'joint', minimumParticipants: 3 }),
      201,
    );
    await ok(await http().post(`${base()}/projects`).set(secretariat).send({ projectId: 'laerer', name: 'Digital lærerarbejdsplads', kind: 'joint' }), 201);
    await ok(await http().post(`${base()}/projects`).set(secretariat).send({ projectId: 'icura', name: 'Icura Trainer', kind: 'voluntary', minimumParticipants: 3 }), 201);

    // the member itself opts out, for a reason of its own (4K p. 27)
    const optedOut = await ok(
      await http().post(`${base()}/projects/byggesag/opt-out`).set(po(rudersdal)).set('If-Match', await etag()).send({ organisationId: rudersdal, reason: 'Own building-case centre already running' }),
    );
    expect(optedOut.body.participantsOn.participants).toEqual([gentofte, gladsaxe, lyngby]);
    expect(optedOut.body.optedOut).toEqual([{ organisationId: rudersdal, reason: 'Own building-case centre already running' }]);

    for (const member of [gentofte, gladsaxe]) await ok(await http().post(`${base()}/projects/icura/opt-in`).set(po(member)).set('If-Match', await etag()).send({ organisationId: member }));
    const refused = await http().post(`${base()}/projects/icura/start`).set(secretariat).set('If-Match', await etag()).send({ startedOn: '2027-02-01' });
    expectProblem(refused, 409);
    expect(refused.body).toMatchObject({ minimumParticipants: 3, participants: [gentofte, gladsaxe] });
    expect(refused.body.detail).toBe('project icura needs at least 3 participants to start; 2 take part (gentofte, gladsaxe)');

    const started = await ok(await http().post(`${base()}/projects/byggesag/start`).set(secretariat).set('If-Match', await etag()).send({ startedOn: '2027-02-01' }));
    expect(started.body).toMatchObject({ status: 'started', startedOn: '2027-02-01' });
    await ok(await http().post(`${base()}/projects/laerer/start`).set(secretariat).set('If-Match', await etag()).send({ startedOn: '2027-04-01' }));
    expect((await http().get(`${base()}/projects/icura`).set(secretariat)).body.status).toBe('proposed');

    const members = await ok(await http().get(`${base()}/members`).query({ on: '2027-06-30' }).set(po(gladsaxe)));
    expect(members.body.members).toEqual([
      { organisationId: gentofte, optOuts: 0 },
      { organisationId: gladsaxe, optOuts: 0 },
      { organisationId: lyngby, optOuts: 0 },
      { organisationId: rudersdal, optOuts: 1 },
    ]);
  });

  it('members record the invoices they paid and the hours their staff delivered', async () => {
    const cost = (projectId: string, costId: string, amountMinor: number, paidBy: string, incurredOn: string) =>
      http().post(`${base()}/projects/${projectId}/costs`).set(secretariat).send({ costId, description: `Invoice ${costId}`, amount: dkk(amountMinor), incurredOn, paidBy });
    const hours = (projectId: string, entryId: string, organisationId: string, h: number, workedOn: string) =>
      http().post(`${base()}/projects/${projectId}/hours`).set(po(organisationId)).send({ entryId, organisationId, workedOn, hours: h });

    await ok(await cost('byggesag', 'inv-1', 25_000_001, gentofte, '2027-03-15'), 201);
    await ok(await hours('byggesag', 'h-gentofte', gentofte, 120.5, '2027-03-20'), 201);
    await ok(await hours('byggesag', 'h-gladsaxe', gladsaxe, 80.25, '2027-03-21'), 201);
    await ok(await hours('byggesag', 'h-lyngby', lyngby, 40, '2027-05-02'), 201);
    await ok(await cost('laerer', 'inv-2', 10_000_003, gladsaxe, '2027-04-10'), 201);
    await ok(await hours('laerer', 'h-rudersdal', rudersdal, 30, '2027-09-01'), 201);

    // a retry with the same id records nothing; the member that opted out cannot deliver to the project
    const retried = await hours('byggesag', 'h-gladsaxe', gladsaxe, 80.25, '2027-03-21');
    expect(retried.status).toBe(200);
    expect(retried.headers['x-log-position']).toBeUndefined();
    expectProblem(await hours('byggesag', 'h-rudersdal', rudersdal, 3, '2027-03-21'), 422, ['organisationId']);

    const project = await ok(await http().get(`${base()}/projects/byggesag`).set(po(lyngby)));
    expect(project.body.hours.map((h: { organisationId: string; hours: number }) => [h.organisationId, h.hours])).toEqual([
      [gentofte, 120.5],
      [gladsaxe, 80.25],
      [lyngby, 40],
    ]);
  });

  const STATEMENT_2027 = {
    year: 2027,
    currency: 'DKK',
    // byggesag: 250,000.01 + (120.5 + 80.25 + 40) h × 575.00 = 388,431.26 among three: 129,477.09, 129,477.09, 129,477.08
    // laerer: 100,000.03 + 30 h × 575.00 = 117,250.03 among four: 29,312.51 × 3 and 29,312.50
    members: [
      { organisationId: gentofte, share: dkk(15_878_960), hours: 120.5, hoursValue: dkk(6_928_750), costsPaid: dkk(25_000_001), delivered: dkk(31_928_751), net: dkk(-16_049_791), fee: dkk(20_000_000) },
      { organisationId: gladsaxe, share: dkk(15_878_960), hours: 80.25, hoursValue: dkk(4_614_375), costsPaid: dkk(10_000_003), delivered: dkk(14_614_378), net: dkk(1_264_582), fee: dkk(20_000_000) },
      { organisationId: lyngby, share: dkk(15_878_959), hours: 40, hoursValue: dkk(2_300_000), costsPaid: dkk(0), delivered: dkk(2_300_000), net: dkk(13_578_959), fee: dkk(20_000_000) },
      { organisationId: rudersdal, share: dkk(2_931_250), hours: 30, hoursValue: dkk(1_725_000), costsPaid: dkk(0), delivered: dkk(1_725_000), net: dkk(1_206_250), fee: dkk(20_000_000) },
    ],
    projects: [
      {
        projectId: 'byggesag',
        name: 'Byggesagsbehandlingscenter uden vægge',
        costs: dkk(25_000_001),
        hoursValue: dkk(13_843_125),
        total: dkk(38_843_126),
        shares: [
          { organisationId: gentofte, share: dkk(12_947_709) },
          { organisationId: gladsaxe, share: dkk(12_947_709) },
          { organisationId: lyngby, share: dkk(12_947_708) },
        ],
      },
      {
        projectId: 'laerer',
        name: 'Digital lærerarbejdsplads',
        costs: dkk(10_000_003),
        hoursValue: dkk(1_725_000),
        total: dkk(11_725_003),
        shares: [
          { organisationId: gentofte, share: dkk(2_931_251) },
          { organisationId: gladsaxe, share: dkk(2_931_251) },
          { organisationId: lyngby, share: dkk(2_931_251) },
          { organisationId: rudersdal, share: dkk(2_931_250) },
        ],
      },
    ],
    total: dkk(50_568_129),
  };

  let issuedAt: string;

  it('the yearly settlement: one statement per member, only the net difference, netting to zero to the øre', async () => {
    const fees = await ok(await http().get(`${base()}/fees`).query({ year: '2027' }).set(po(gentofte)));
    expect(fees.body.members.map((m: { fee: unknown }) => m.fee)).toEqual(FOUR_K.map(() => dkk(20_000_000)));

    const issued = await ok(await http().post(`${base()}/settlements`).set(secretariat).set('Idempotency-Key', '4k-settlement-2027').send({ year: 2027 }), 201);
    expect(issued.headers.location).toBe(`${base()}/settlements/2027`);
    expect(issued.body).toEqual({ year: 2027, issuedAt: expect.any(String), issuedBy: 'programme-office@fire-k.dk', basedOnVersion: expect.any(Number), statement: STATEMENT_2027 });
    expect(issued.body.statement.members.reduce((sum: number, m: { net: { amountMinor: number } }) => sum + m.net.amountMinor, 0)).toBe(0);
    issuedAt = issued.body.issuedAt;

    // a member reads its own collaboration's settlement
    expect((await ok(await http().get(`${base()}/settlements/2027`).set(po(rudersdal)))).body).toEqual(issued.body);
    const replay = await http().post(`${base()}/settlements`).set(secretariat).set('Idempotency-Key', '4k-settlement-2027').send({ year: 2027 });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expectProblem(await http().post(`${base()}/settlements`).set(secretariat).send({ year: 2027 }), 409);
  });

  it('closes the year: hours and costs dated in 2027 are refused once it is settled, nothing is written, and 2028 stays open', async () => {
    const before = await etag();
    const lateHours = await http().post(`${base()}/projects/byggesag/hours`).set(po(gentofte)).send({ organisationId: gentofte, workedOn: '2027-11-01', hours: 10 });
    expectProblem(lateHours, 409, ['workedOn']);
    expect(lateHours.body).toMatchObject({ title: 'Year already settled', year: 2027 });
    const lateCost = await http()
      .post(`${base()}/projects/laerer/costs`)
      .set(secretariat)
      .send({ description: 'Late invoice', amount: dkk(400), incurredOn: '2027-12-20', paidBy: rudersdal });
    expectProblem(lateCost, 409, ['incurredOn']);
    expect(await etag()).toBe(before);

    await ok(
      await http().post(`${base()}/projects/laerer/costs`).set(secretariat).send({ description: 'Late invoice, booked in 2028', amount: dkk(400), incurredOn: '2028-01-10', paidBy: rudersdal }),
      201,
    );
    const next = await ok(await http().get(`${base()}/settlements/2028/statement`).set(secretariat));
    expect(next.body.statement.total).toEqual(dkk(400));
  });

  it('is reproducible as of its issue: a later rate for 2027 changes the statement of today, never the issued one', async () => {
    // Rudersdal's 30 hours of 2027-09-01 revalued at DKK 600.00: 30 × 25.00 more
    await ok(await http().put(`${base()}/hourly-rate`).set(secretariat).set('If-Match', await etag()).send({ rate: dkk(60_000), effectiveFrom: '2027-09-01' }));

    const asIssued = await ok(await http().get(`${base()}/settlements/2027/statement`).query({ asOf: issuedAt }).set(secretariat));
    expect(asIssued.body.statement).toEqual(STATEMENT_2027);
    expect((await ok(await http().get(`${base()}/settlements/2027`).set(secretariat))).body.statement).toEqual(STATEMENT_2027);

    const now = await ok(await http().get(`${base()}/settlements/2027/statement`).set(secretariat));
    expect(now.body.statement.total).toEqual(dkk(50_568_129 + 75_000));
    expect(now.body.statement.members.reduce((sum: number, m: { net: { amountMinor: number } }) => sum + m.net.amountMinor, 0)).toBe(0);
    expect(now.body.version).toBeGreaterThan(asIssued.body.version);
  });
});
