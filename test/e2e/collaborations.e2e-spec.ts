import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CollaborationMembershipReader } from '../../libs/collaborations/application/collaboration-membership.reader.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem, type Headers } from '../support/proposals.js';

const po = (organisation: string): Headers => actorHeaders(`programme-office@${organisation}.dk`, organisation, 'programme_office');
const secretariat = po('os2');
const herning = po('herning');
const dkk = (amountMinor: number) => ({ amountMinor, currency: 'DKK' });
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('collaborations over HTTP: members, fee schemes, participation, costs and hours, bad input', () => {
  let t: TestApp;
  const http = () => request(t.server);

  beforeAll(async () => {
    t = await startTestApp('e2e_collaborations');
    for (const organisation of ['os2', 'ballerup', 'syddjurs', 'ishoej', 'herning']) {
      const res = await request(t.server).post('/v1/organisations').set(po(organisation)).send({ id: organisation, name: organisation, kind: organisation === 'os2' ? 'collaboration' : 'municipality' });
      if (res.status !== 201) throw new Error(`register ${organisation}: ${res.status} ${res.text}`);
    }
  });
  afterAll(async () => t?.close());

  async function establish(name = 'OS2', headers: Headers = secretariat) {
    const res = await http().post('/v1/collaborations').set(headers).send({ name, legalForm: 'association' });
    if (res.status !== 201) throw new Error(`establish: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  async function read(id: string, headers: Headers = secretariat) {
    const res = await http().get(`/v1/collaborations/${id}`).set(headers);
    if (res.status !== 200) throw new Error(`read: ${res.status} ${res.text}`);
    return res;
  }

  async function join(id: string, organisationId: string, joinedOn = '2025-01-01') {
    const res = await http().post(`/v1/collaborations/${id}/members`).set(secretariat).send({ organisationId, joinedOn });
    if (res.status !== 201) throw new Error(`join: ${res.status} ${res.text}`);
    return res;
  }

  /** The collaboration is exactly as it was: a refused request wrote nothing. */
  async function expectUnchanged(id: string, before: request.Response) {
    const after = await read(id);
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.body).toEqual(before.body);
  }

  describe('POST /v1/collaborations and GET /{id}', () => {
    it('establishes a collaboration administered by the acting organisation: 201, Location, ETag', async () => {
      const res = await http().post('/v1/collaborations').set(secretariat).send({ name: 'OS2 – offentligt digitaliseringsfællesskab', legalForm: 'association' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/collaborations/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        organisationId: 'os2',
        name: 'OS2 – offentligt digitaliseringsfællesskab',
        legalForm: 'association',
        currency: 'DKK',
        members: [],
        forumIds: [],
        feeSchemes: [],
        hourlyRates: [],
        figures: [],
        projects: [],
        settlements: [],
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await read(res.body.id)).body).toEqual(res.body);
      expect((await http().get(`/v1/collaborations/${res.body.id}`).set(secretariat).set('If-None-Match', '"1"')).status).toBe(304);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['a blank name', { name: ' ' }, ['name']],
      ['an unknown legal form', { legalForm: 'cooperative' }, ['legalForm']],
      ['an unknown currency', { currency: 'SEK' }, ['currency']],
      ['an unknown field', { members: ['ballerup'] }, ['members']],
    ])('refuses %s (400 naming the field)', async (_what, overrides, fields) => {
      expectProblem(await http().post('/v1/collaborations').set(herning).send({ name: 'Bad', legalForm: 'agreement', ...overrides }), 400, fields);
    });

    it('and none of the refused requests established a collaboration; a retried establishment with its Idempotency-Key establishes one', async () => {
      const body = { name: 'RISO', legalForm: 'agreement' };
      const first = await http().post('/v1/collaborations').set(herning).set('Idempotency-Key', 'riso-1').send(body);
      const retry = await http().post('/v1/collaborations').set(herning).set('Idempotency-Key', 'riso-1').send(body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const listed = await http().get('/v1/collaborations').set(herning).set('X-Min-Position', first.headers['x-log-position']);
      expect(listed.body.items.map((c: { name: string }) => c.name)).toEqual(['RISO']);
    });

    it('is not found for an organisation that is no party to it, for an unknown id and a malformed one', async () => {
      const id = await establish();
      expectProblem(await http().get(`/v1/collaborations/${id}`).set(herning), 404);
      expectProblem(await http().get(`/v1/collaborations/${UNKNOWN}`).set(secretariat), 404);
      expectProblem(await http().get('/v1/collaborations/os2').set(secretariat), 404);
    });
  });

  describe('members joining and leaving over time', () => {
    it('joins registered organisations from a date; leaving needs If-Match (428, 409 stale) and a date after joining', async () => {
      const id = await establish();
      const joined = await join(id, 'ballerup', '2012-01-01');
      expect(joined.headers.etag).toBe('"2"');
      await join(id, 'syddjurs', '2012-01-01');
      const repeated = await http().post(`/v1/collaborations/${id}/members`).set(secretariat).send({ organisationId: 'ballerup', joinedOn: '2012-01-01' });
      expect(repeated.status).toBe(200);

      const before = await read(id);
      expectProblem(await http().post(`/v1/collaborations/${id}/members`).set(secretariat).send({ organisationId: 'ballerup', joinedOn: '2020-01-01' }), 409, ['organisationId']);
      expectProblem(await http().post(`/v1/collaborations/${id}/members`).set(secretariat).send({ organisationId: 'aarhus', joinedOn: '2020-01-01' }), 422, ['organisationId']);
      expectProblem(await http().post(`/v1/collaborations/${id}/members`).set(secretariat).send({ organisationId: 'Ishøj', joinedOn: '2020-02-30' }), 400, ['organisationId', 'joinedOn']);
      const leave = (body: Record<string, unknown>, ifMatch?: string) => {
        const req = http().post(`/v1/collaborations/${id}/members/syddjurs/leave`).set(secretariat);
        return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
      };
      expectProblem(await leave({ leftOn: '2026-01-01' }), 428);
      const stale = await leave({ leftOn: '2026-01-01' }, '"1"');
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(3);
      expectProblem(await leave({ leftOn: '2011-12-31' }, '"3"'), 422, ['leftOn']);
      expectProblem(await leave({ leftOn: 'soon' }, '"3"'), 400, ['leftOn']);
      expectProblem(await http().post(`/v1/collaborations/${id}/members/ishoej/leave`).set(secretariat).set('If-Match', '"3"').send({ leftOn: '2026-01-01' }), 409);
      await expectUnchanged(id, before);

      const left = await leave({ leftOn: '2026-01-01', reason: 'Council decision' }, '"3"');
      expect(left.status).toBe(200);
      expect(left.body.members).toEqual([
        { organisationId: 'ballerup', joinedOn: '2012-01-01', leftOn: null },
        { organisationId: 'syddjurs', joinedOn: '2012-01-01', leftOn: '2026-01-01' },
      ]);
      const on = async (day: string) => (await http().get(`/v1/collaborations/${id}/members`).query({ on: day }).set(secretariat)).body.members.map((m: { organisationId: string }) => m.organisationId);
      expect(await on('2025-12-31')).toEqual(['ballerup', 'syddjurs']);
      expect(await on('2026-01-01')).toEqual(['ballerup']);
      expectProblem(await http().get(`/v1/collaborations/${id}/members`).query({ on: '31-12-2025' }).set(secretariat), 400, ['on']);
    });

    it('a member reads its collaboration but may not run it (403); it acts for itself only', async () => {
      const id = await establish();
      await join(id, 'ballerup');
      await join(id, 'syddjurs');
      await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ projectId: 'p', name: 'Kalender', kind: 'joint' });
      const before = await read(id);
      expect((await read(id, po('ballerup'))).body.id).toBe(id);
      expectProblem(await http().post(`/v1/collaborations/${id}/members`).set(po('ballerup')).send({ organisationId: 'ishoej', joinedOn: '2025-01-01' }), 403);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/p/opt-out`).set(po('ballerup')).set('If-Match', before.headers.etag).send({ organisationId: 'syddjurs' }), 403);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/p/opt-out`).set(herning).set('If-Match', before.headers.etag).send({ organisationId: 'herning' }), 404);
      await expectUnchanged(id, before);
      const own = await http().post(`/v1/collaborations/${id}/projects/p/opt-out`).set(po('ballerup')).set('If-Match', before.headers.etag).send({ organisationId: 'ballerup' });
      expect(own.status).toBe(200);
      expect(own.body.participantsOn.participants).toEqual(['syddjurs']);
    });
  });

  describe('forums', () => {
    it("references forums of the administering organisation only; another organisation's forum is 422 and changes nothing", async () => {
      const id = await establish();
      const board = {
        name: 'OS2 bestyrelse',
        kind: 'board',
        mandate: { decisionKinds: ['approve', 'reject'], investmentAreas: [], departmentIds: [], maximumAmount: dkk(100_000_000) },
        decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } },
      };
      const forum = await http().post('/v1/forums').set(secretariat).send(board);
      expect(forum.status).toBe(201);
      const herningForum = await http().post('/v1/forums').set(herning).send({ ...board, name: 'Herning styregruppe', kind: 'steering_group' });
      expect(herningForum.status).toBe(201);
      const before = await read(id);
      expectProblem(await http().post(`/v1/collaborations/${id}/forums`).set(secretariat).send({ forumId: herningForum.body.id }), 422, ['forumId']);
      expectProblem(await http().post(`/v1/collaborations/${id}/forums`).set(secretariat).send({ forumId: 'not a forum' }), 400, ['forumId']);
      await expectUnchanged(id, before);
      const referenced = await http().post(`/v1/collaborations/${id}/forums`).set(secretariat).send({ forumId: forum.body.id });
      expect(referenced.status).toBe(201);
      expect(referenced.body.forumIds).toEqual([forum.body.id]);
      expect((await http().post(`/v1/collaborations/${id}/forums`).set(secretariat).send({ forumId: forum.body.id })).status).toBe(200);
    });
  });

  describe('fee schemes and fees', () => {
    it('OS2: DKK 8,000 a half-year; joining after 1 July pays one half-year, joining on 1 July the whole year', async () => {
      const id = await establish();
      await join(id, 'ballerup', '2012-01-01');
      await join(id, 'syddjurs', '2027-07-01');
      await join(id, 'ishoej', '2027-07-02');
      const scheme = { kind: 'fixed_per_half_year', amount: dkk(800_000), effectiveFromYear: 2027 };
      expectProblem(await http().put(`/v1/collaborations/${id}/fee-scheme`).set(secretariat).send(scheme), 428);
      const set = await http().put(`/v1/collaborations/${id}/fee-scheme`).set(secretariat).set('If-Match', '"4"').send(scheme);
      expect(set.status).toBe(200);
      expect(set.body.feeSchemes).toEqual([scheme]);

      const fees = await http().get(`/v1/collaborations/${id}/fees`).query({ year: '2027' }).set(po('ishoej'));
      expect(fees.status).toBe(200);
      expect(fees.body).toEqual({
        year: 2027,
        scheme,
        members: [
          { organisationId: 'ballerup', firstDayInYear: '2027-01-01', proRata: 'full', figure: null, fullFee: dkk(1_600_000), fee: dkk(1_600_000), missing: null },
          { organisationId: 'ishoej', firstDayInYear: '2027-07-02', proRata: 'half', figure: null, fullFee: dkk(1_600_000), fee: dkk(800_000), missing: null },
          { organisationId: 'syddjurs', firstDayInYear: '2027-07-01', proRata: 'full', figure: null, fullFee: dkk(1_600_000), fee: dkk(1_600_000), missing: null },
        ],
        total: dkk(4_000_000),
        version: 5,
      });
      // the year after, every member pays the whole year
      const next = await http().get(`/v1/collaborations/${id}/fees`).query({ year: '2028' }).set(secretariat);
      expect(next.body.members.map((m: { fee: unknown }) => m.fee)).toEqual([dkk(1_600_000), dkk(1_600_000), dkk(1_600_000)]);
      expectProblem(await http().get(`/v1/collaborations/${id}/fees`).set(secretariat), 400, ['year']);
    });

    it('SBSYS: DKK 9 per inhabitant, from the figure in force; bad schemes and figures are refused and change nothing', async () => {
      const id = await establish('Brugerklubben SBSYS');
      await join(id, 'ballerup', '2015-01-01');
      await join(id, 'herning', '2027-09-01');
      const etag = (await read(id)).headers.etag;
      await http().put(`/v1/collaborations/${id}/fee-scheme`).set(secretariat).set('If-Match', etag).send({ kind: 'per_inhabitant', amount: dkk(900), effectiveFromYear: 2027 });
      const figure = (body: Record<string, unknown>) => http().post(`/v1/collaborations/${id}/figures`).set(secretariat).send({ kind: 'inhabitants', effectiveFrom: '2027-01-01', ...body });
      expect((await figure({ organisationId: 'ballerup', value: 48_000 })).status).toBe(201);
      expect((await figure({ organisationId: 'herning', value: 89_001, effectiveFrom: '2026-01-01' })).status).toBe(201);

      const before = await read(id);
      expectProblem(await figure({ organisationId: 'ishoej', value: 1 }), 422, ['organisationId']);
      expectProblem(await figure({ organisationId: 'ballerup', value: -1 }), 400, ['value']);
      expectProblem(await figure({ organisationId: 'ballerup', value: 0 }), 422, ['value']);
      expectProblem(await figure({ organisationId: 'ballerup', value: 1, kind: 'employees' }), 400, ['kind']);
      const put = (body: Record<string, unknown>) => http().put(`/v1/collaborations/${id}/fee-scheme`).set(secretariat).set('If-Match', before.headers.etag).send(body);
      expectProblem(await put({ kind: 'per_inhabitant', amount: { amountMinor: 900, currency: 'EUR' }, effectiveFromYear: 2027 }), 422, ['amount.currency']);
      expectProblem(await put({ kind: 'per_inhabitant', amount: dkk(0), effectiveFromYear: 2027 }), 422, ['amount.amountMinor']);
      expectProblem(await put({ kind: 'per_visit', amount: dkk(1.5), effectiveFromYear: 1999 }), 400, ['kind', 'amount.amountMinor', 'effectiveFromYear']);
      await expectUnchanged(id, before);

      const fees = await http().get(`/v1/collaborations/${id}/fees`).query({ year: '2027' }).set(secretariat);
      expect(fees.body.members.map((m: { organisationId: string; figure: number; fee: unknown }) => [m.organisationId, m.figure, m.fee])).toEqual([
        ['ballerup', 48_000, dkk(43_200_000)],
        ['herning', 89_001, dkk(40_050_450)],
      ]);
    });
  });

  describe('projects, participation, costs and hours', () => {
    async function running() {
      const id = await establish();
      for (const m of ['ballerup', 'syddjurs', 'ishoej']) await join(id, m, '2025-01-01');
      const rate = await http().put(`/v1/collaborations/${id}/hourly-rate`).set(secretariat).set('If-Match', '"4"').send({ rate: dkk(60_000), effectiveFrom: '2027-01-01' });
      expect(rate.status).toBe(200);
      return id;
    }

    it('registers a project (201, Location; 200 for a repeat; 409 for another under its id) and reads it', async () => {
      const id = await running();
      const body = { projectId: 'os2kitos', name: 'OS2kitos', kind: 'voluntary', minimumParticipants: 2 };
      const res = await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send(body);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/collaborations/${id}/projects/os2kitos`);
      expect(res.body).toMatchObject({ projectId: 'os2kitos', kind: 'voluntary', costKey: 'equal', minimumParticipants: 2, status: 'proposed', optedIn: [], costs: [], hours: [] });
      expect((await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send(body)).status).toBe(200);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ ...body, name: 'Other' }), 409, ['projectId']);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ name: ' ', kind: 'mandatory', minimumParticipants: 0, costKey: 'usage' }), 400, [
        'name',
        'kind',
        'minimumParticipants',
        'costKey',
      ]);
      const read = await http().get(res.headers.location).query({ on: '2027-01-01' }).set(po('ishoej'));
      expect(read.body.participantsOn).toEqual({ on: '2027-01-01', participants: [] });
      expectProblem(await http().get(`/v1/collaborations/${id}/projects/unknown`).set(secretariat), 404);
    });

    it('starts once enough opt in; then participation is closed, and only participants deliver hours valued at the rate', async () => {
      const id = await running();
      await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ projectId: 'v', name: 'Voluntary', kind: 'voluntary', minimumParticipants: 2 });
      const version = async () => (await read(id)).headers.etag;
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/v/start`).set(secretariat).set('If-Match', await version()).send({ startedOn: '2027-02-01' }), 409);
      for (const m of ['ballerup', 'syddjurs']) {
        const res = await http().post(`/v1/collaborations/${id}/projects/v/opt-in`).set(po(m)).set('If-Match', await version()).send({ organisationId: m });
        expect(res.status).toBe(200);
      }
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/v/start`).set(secretariat).send({ startedOn: '2027-02-01' }), 428);
      const cost = (body: Record<string, unknown>) =>
        http().post(`/v1/collaborations/${id}/projects/v/costs`).set(secretariat).send({ description: 'Licence', amount: dkk(100), incurredOn: '2027-03-01', paidBy: 'ballerup', ...body });
      expectProblem(await cost({}), 409);
      const started = await http().post(`/v1/collaborations/${id}/projects/v/start`).set(secretariat).set('If-Match', await version()).send({ startedOn: '2027-02-01' });
      expect(started.status).toBe(200);
      expect(started.body.participantsOn.participants).toEqual(['ballerup', 'syddjurs']);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/v/opt-in`).set(po('ishoej')).set('If-Match', await version()).send({ organisationId: 'ishoej' }), 409);

      const before = await read(id);
      const hours = (body: Record<string, unknown>, headers = secretariat) =>
        http().post(`/v1/collaborations/${id}/projects/v/hours`).set(headers).send({ organisationId: 'syddjurs', workedOn: '2027-03-01', hours: 7.5, ...body });
      expectProblem(await hours({ organisationId: 'ishoej' }), 422, ['organisationId']);
      expectProblem(await hours({ workedOn: '2027-01-31' }), 422, ['workedOn']);
      expectProblem(await hours({ hours: 7.255 }), 400, ['hours']);
      expectProblem(await hours({ hours: 0 }), 400, ['hours']);
      expectProblem(await hours({}, po('ballerup')), 403);
      expectProblem(await cost({ amount: dkk(0) }), 422, ['amount.amountMinor']);
      expectProblem(await cost({ paidBy: 'herning' }), 422, ['paidBy']);
      expectProblem(await cost({ description: '', incurredOn: '2027-13-01' }), 400, ['description', 'incurredOn']);
      expectProblem(await http().post(`/v1/collaborations/${id}/projects/nope/hours`).set(secretariat).send({ organisationId: 'syddjurs', workedOn: '2027-03-01', hours: 1 }), 404);
      await expectUnchanged(id, before);

      const recorded = await hours({ entryId: 'w10', description: 'Workshop' }, po('syddjurs'));
      expect(recorded.status).toBe(201);
      expect(recorded.body.hours).toEqual([{ entryId: 'w10', projectId: 'v', organisationId: 'syddjurs', workedOn: '2027-03-01', hours: 7.5, description: 'Workshop' }]);
      expect((await cost({ costId: 'inv-1' })).status).toBe(201);
      const statement = await http().get(`/v1/collaborations/${id}/settlements/2027/statement`).set(secretariat);
      // 7.5 h × DKK 600 + DKK 1 = DKK 4,501, shared by two
      expect(statement.body.statement.projects[0]).toMatchObject({ total: dkk(450_100), shares: [{ organisationId: 'ballerup', share: dkk(225_050) }, { organisationId: 'syddjurs', share: dkk(225_050) }] });
    });

    it('refuses to leave with hours delivered after the leaving day', async () => {
      const id = await running();
      await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ projectId: 'j', name: 'Joint', kind: 'joint' });
      await http().post(`/v1/collaborations/${id}/projects/j/start`).set(secretariat).set('If-Match', '"6"').send({ startedOn: '2027-01-01' });
      await http().post(`/v1/collaborations/${id}/projects/j/hours`).set(secretariat).send({ organisationId: 'ishoej', workedOn: '2027-06-01', hours: 2 });
      const before = await read(id);
      const res = await http().post(`/v1/collaborations/${id}/members/ishoej/leave`).set(secretariat).set('If-Match', before.headers.etag).send({ leftOn: '2027-05-01' });
      expectProblem(res, 422, ['leftOn']);
      expect(res.body.errors[0].reason).toBe('ishoej has hours recorded on 2027-06-01, on or after that day');
      await expectUnchanged(id, before);
    });
  });

  describe('settlements: refusals', () => {
    it('an unissued year is 404; a split by inhabitants without figures is 422; bad years and moments are refused', async () => {
      const id = await establish();
      for (const m of ['ballerup', 'syddjurs']) await join(id, m, '2025-01-01');
      await http().post(`/v1/collaborations/${id}/projects`).set(secretariat).send({ projectId: 'i', name: 'By inhabitants', kind: 'joint', costKey: 'inhabitants' });
      await http().post(`/v1/collaborations/${id}/projects/i/start`).set(secretariat).set('If-Match', '"4"').send({ startedOn: '2027-01-01' });
      await http().post(`/v1/collaborations/${id}/projects/i/costs`).set(secretariat).send({ description: 'Invoice', amount: dkk(1_001), incurredOn: '2027-02-01', paidBy: 'ballerup' });
      const before = await read(id);

      expectProblem(await http().get(`/v1/collaborations/${id}/settlements/2027`).set(secretariat), 404);
      expectProblem(await http().get(`/v1/collaborations/${id}/settlements/last-year`).set(secretariat), 404);
      const missing = await http().post(`/v1/collaborations/${id}/settlements`).set(secretariat).send({ year: 2027 });
      expectProblem(missing, 422);
      expect(missing.body).toMatchObject({ organisationId: 'ballerup', kind: 'inhabitants', date: '2027-01-01' });
      expectProblem(await http().post(`/v1/collaborations/${id}/settlements`).set(secretariat).send({ year: '2027' }), 400, ['year']);
      expectProblem(await http().post(`/v1/collaborations/${id}/settlements`).set(po('ballerup')).send({ year: 2027 }), 403);
      expectProblem(await http().get(`/v1/collaborations/${id}/settlements/2027/statement`).query({ asOf: '2027-01-01T00:00:00' }).set(secretariat), 400, ['asOf']);
      expectProblem(await http().get(`/v1/collaborations/${id}/settlements/2027/statement`).query({ asOf: '2000-01-01T00:00:00Z' }).set(secretariat), 422, ['asOf']);
      await expectUnchanged(id, before);

      for (const [m, value] of [['ballerup', 1], ['syddjurs', 2]] as const) {
        await http().post(`/v1/collaborations/${id}/figures`).set(secretariat).send({ organisationId: m, kind: 'inhabitants', value, effectiveFrom: '2020-01-01' });
      }
      const issued = await http().post(`/v1/collaborations/${id}/settlements`).set(secretariat).send({ year: 2027 });
      expect(issued.status).toBe(201);
      // DKK 10.01 by inhabitants 1:2 → 3.34 and 6.67
      expect(issued.body.statement.projects[0].shares).toEqual([{ organisationId: 'ballerup', share: dkk(334) }, { organisationId: 'syddjurs', share: dkk(667) }]);
    });
  });

  describe('OpenAPI', () => {
    it('documents every collaboration endpoint with its request bodies', async () => {
      const doc = (await http().get('/openapi.json')).body;
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/v1/collaborations'));
      expect(paths.sort()).toEqual(
        [
          '/v1/collaborations',
          '/v1/collaborations/{id}',
          '/v1/collaborations/{id}/fee-scheme',
          '/v1/collaborations/{id}/fees',
          '/v1/collaborations/{id}/figures',
          '/v1/collaborations/{id}/forums',
          '/v1/collaborations/{id}/hourly-rate',
          '/v1/collaborations/{id}/members',
          '/v1/collaborations/{id}/members/{organisationId}/leave',
          '/v1/collaborations/{id}/projects',
          '/v1/collaborations/{id}/projects/{projectId}',
          '/v1/collaborations/{id}/projects/{projectId}/costs',
          '/v1/collaborations/{id}/projects/{projectId}/hours',
          '/v1/collaborations/{id}/projects/{projectId}/opt-in',
          '/v1/collaborations/{id}/projects/{projectId}/opt-out',
          '/v1/collaborations/{id}/projects/{projectId}/start',
          '/v1/collaborations/{id}/settlements',
          '/v1/collaborations/{id}/settlements/{year}',
          '/v1/collaborations/{id}/settlements/{year}/statement',
        ].sort(),
      );
      expect(Object.keys(doc.components.schemas.RecordHoursRequest.properties)).toEqual(['entryId', 'organisationId', 'workedOn', 'hours', 'description']);
      expect(doc.components.schemas.JoinCollaborationRequest.required).toEqual(['organisationId', 'joinedOn']);
    });
  });

  describe('the read models and the membership reader', () => {
    it('lists the collaborations an organisation administers or belongs to, in pages; rebuilt from the log they are identical', async () => {
      const a = await establish('Fællesskab A', po('ishoej'));
      const b = await establish('Fællesskab B', po('ishoej'));
      const c = await establish('Fællesskab C');
      const joined = await http().post(`/v1/collaborations/${c}/members`).set(secretariat).send({ organisationId: 'ishoej', joinedOn: '2026-01-01' });
      const position = joined.headers['x-log-position'];
      const list = (query: Record<string, string> = {}, headers: Headers = po('ishoej')) => http().get('/v1/collaborations').query(query).set(headers).set('X-Min-Position', position);

      const all = await list({ limit: '100' });
      const ids = all.body.items.map((x: { id: string }) => x.id);
      expect(ids).toEqual(expect.arrayContaining([a, b, c]));
      expect(all.body.items.find((x: { id: string }) => x.id === c)).toMatchObject({ organisationId: 'os2', name: 'Fællesskab C', currentMembers: 1, projects: 0, settledYears: [] });
      const page1 = await list({ limit: '2' });
      expect(page1.body.items).toHaveLength(2);
      expect(page1.headers.link).toContain('cursor=');
      const page2 = await list({ limit: '100', cursor: page1.body.nextCursor });
      expect([...page1.body.items, ...page2.body.items].map((x: { id: string }) => x.id)).toEqual(ids);
      expectProblem(await list({ cursor: 'bm90LWEtY3Vyc29y' }), 400, ['cursor']);
      expect((await list({}, po('syddjurs'))).body.items.map((x: { id: string }) => x.id)).not.toContain(c);

      const reader = t.app.get(CollaborationMembershipReader);
      expect(await reader.sharedCollaborations('ishoej', 'os2', '2026-06-01')).toContain(c);
      expect(await reader.sharedCollaborations('ishoej', 'os2', '2025-12-31')).not.toContain(c);
      expect(await reader.isParty(c, 'ishoej', new Date('2026-06-01T12:00:00Z'))).toBe(true);
      expect(await reader.isParty(c, 'herning', '2026-06-01')).toBe(false);

      const dataSource = t.app.get(DataSource);
      const tables = async () => ({
        collaborations: await dataSource.query('SELECT * FROM collaborations ORDER BY id'),
        memberships: await dataSource.query('SELECT * FROM collaboration_memberships ORDER BY key'),
      });
      const live = await tables();
      expect(live.memberships.length).toBeGreaterThan(0);
      const runtime = t.app.get(ProjectionRuntime);
      await runtime.rebuild('collaborations');
      await runtime.rebuild('collaboration_memberships');
      expect(await tables()).toEqual(live);
      expect((await list({ limit: '100' })).body).toEqual(all.body);
    });
  });
});
