import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem, type Headers } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning');
const viborg = actorHeaders('vera@viborg.dk', 'viborg');
const UNKNOWN_FORUM = '0d6f3c1e-8a2b-4c5d-9e0f-1a2b3c4d5e6f';

const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });

const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };

/** Herning's steering group (seed 002): decides the development pool's projects up to DKK 2m. */
function steeringGroup(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Styregruppen for Digital Forvaltning',
    kind: 'steering_group',
    mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: dkk(2_000_000) },
    decisionRule: SIMPLE_MAJORITY,
    ...overrides,
  };
}

describe('organisations and forums over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);

  async function register(id: string, headers: Headers, name = `${id} Kommune`) {
    const res = await http().post('/v1/organisations').set(headers).send({ id, name, kind: 'municipality' });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
    return res;
  }

  async function establish(body: Record<string, unknown>, headers: Headers = herning) {
    const res = await http().post('/v1/forums').set(headers).send(body);
    if (res.status !== 201) throw new Error(`establish failed: ${res.status} ${res.text}`);
    return res;
  }

  async function version(path: string, headers: Headers = herning): Promise<number> {
    const res = await http().get(path).set(headers);
    if (res.status !== 200) throw new Error(`read ${path} failed: ${res.status} ${res.text}`);
    return res.body.version;
  }

  /** Every forum of the list the caller sees once the write at `minPosition` is in it. */
  async function listAll(query: Record<string, string>, headers: Headers, minPosition: string) {
    const items: { id: string; [key: string]: unknown }[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http()
        .get('/v1/forums')
        .query({ ...query, ...(cursor && { cursor }) })
        .set(headers)
        .set('X-Min-Position', minPosition);
      if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** A write made after the requests under test: once the list has it, it has everything written before. */
  async function sentinel(headers: Headers = herning): Promise<string> {
    const res = await establish(steeringGroup({ name: `Sentinel ${Math.random()}`, kind: 'subject_group' }), headers);
    return res.headers['x-log-position'] as string;
  }

  let directorateId: string;
  let steeringId: string;

  beforeAll(async () => {
    t = await startTestApp('e2e_governance');
    await register('herning', herning, 'Herning Kommune');
    await register('viborg', viborg, 'Viborg Kommune');
    for (const [id, name] of [['it', 'Digitalisering og IT'], ['citizen-service', 'Borgerservice'], ['social', 'Social og Sundhed']]) {
      await http().post('/v1/organisations/herning/departments').set(herning).send({ id, name }).expect(201);
    }
    const directorate = await establish({
      name: 'Direktionen',
      kind: 'directorate',
      mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null },
      decisionRule: { kind: 'consensus', quorum: { kind: 'count', count: 3 } },
    });
    directorateId = directorate.body.id;
    steeringId = (await establish(steeringGroup({ parentForumId: directorateId }))).body.id;
  });
  afterAll(async () => t?.close());

  describe('organisations', () => {
    const ringsted = actorHeaders('rikke@ringsted.dk', 'ringsted');

    it('registers the acting organisation: 201, Location, ETag "1", X-Log-Position; GET answers the same', async () => {
      const res = await http().post('/v1/organisations').set(ringsted).send({ id: 'ringsted', name: 'Ringsted Kommune', kind: 'municipality' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe('/v1/organisations/ringsted');
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toMatchObject({ id: 'ringsted', name: 'Ringsted Kommune', kind: 'municipality', departments: [], version: 1 });

      const read = await http().get(res.headers.location).set(ringsted);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
      const notModified = await http().get(res.headers.location).set(ringsted).set('If-None-Match', '"1"');
      expect(notModified.status).toBe(304);
    });

    it('refuses to register another organisation than the acting one (403), and an existing one (409)', async () => {
      const other = await http().post('/v1/organisations').set(herning).send({ id: 'soroe', name: 'Sorø Kommune', kind: 'municipality' });
      expectProblem(other, 403, ['id']);
      expectProblem(await http().get('/v1/organisations/soroe').set(actorHeaders('s@soroe.dk', 'soroe')), 404);

      const again = await http().post('/v1/organisations').set(herning).send({ id: 'herning', name: 'Herning igen', kind: 'municipality' });
      expectProblem(again, 409);
      expect(again.body.code).toBe('organisation_already_exists');
      expect((await http().get('/v1/organisations/herning').set(herning)).body.name).toBe('Herning Kommune');

      expectProblem(await http().post('/v1/organisations').send({ id: 'anon', name: 'Anon', kind: 'municipality' }), 401);
      expectProblem(await http().post('/v1/organisations').set(actorHeaders('someone', '', 'administrator')).send({ id: 'anon', name: 'Anon', kind: 'municipality' }), 403);
    });

    it('answers bad input with every field at fault and registers nothing', async () => {
      const lejre = actorHeaders('l@lejre.dk', 'lejre');
      const res = await http().post('/v1/organisations').set(lejre).send({ id: 'lejre', name: '  ', kind: 'city', extra: true });
      expectProblem(res, 400, ['name', 'kind', 'extra']);
      const badId = await http().post('/v1/organisations').set(lejre).send({ id: 'Lejre Kommune', name: 'Lejre', kind: 'municipality' });
      expectProblem(badId, 400, ['id']);
      expectProblem(await http().get('/v1/organisations/lejre').set(lejre), 404);
    });

    it('replays a retried registration with the same Idempotency-Key and records it once', async () => {
      const silkeborg = actorHeaders('s@silkeborg.dk', 'silkeborg');
      const body = { id: 'silkeborg', name: 'Silkeborg Kommune', kind: 'municipality' };
      const first = await http().post('/v1/organisations').set(silkeborg).set('Idempotency-Key', 'org-1').send(body);
      const retry = await http().post('/v1/organisations').set(silkeborg).set('Idempotency-Key', 'org-1').send(body);
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.body).toEqual(first.body);
      expect(await version('/v1/organisations/silkeborg', silkeborg)).toBe(1);
    });

    it('does not show one organisation to another: 404 for another\'s, an unknown and a malformed id', async () => {
      expectProblem(await http().get('/v1/organisations/viborg').set(herning), 404);
      expectProblem(await http().get('/v1/organisations/nowhere').set(herning), 404);
      expectProblem(await http().get('/v1/organisations/NOT_A_SLUG').set(herning), 404);
      expectProblem(await http().get('/v1/organisations/herning/departments/it').set(viborg), 404);
      const added = await http().post('/v1/organisations/herning/departments').set(viborg).send({ id: 'culture', name: 'Kultur' });
      expectProblem(added, 404);
      expect((await http().get('/v1/organisations/herning').set(herning)).body.departments.map((d: { id: string }) => d.id)).not.toContain('culture');
    });

    it('adds, renames and closes a department; a closed department keeps its id for good', async () => {
      const aarhus = actorHeaders('a@aarhus.dk', 'aarhus');
      await register('aarhus', aarhus);
      const added = await http().post('/v1/organisations/aarhus/departments').set(aarhus).send({ id: 'culture', name: 'Kultur' });
      expect(added.status).toBe(201);
      expect(added.headers.location).toBe('/v1/organisations/aarhus/departments/culture');
      expect(added.headers.etag).toBe('"2"');
      expect(added.body.departments).toEqual([{ id: 'culture', name: 'Kultur', status: 'open', formerNames: [] }]);
      const department = await http().get(added.headers.location).set(aarhus);
      expect(department.body).toEqual({ organisationId: 'aarhus', id: 'culture', name: 'Kultur', status: 'open', formerNames: [] });

      const duplicate = await http().post('/v1/organisations/aarhus/departments').set(aarhus).send({ id: 'culture', name: 'Kultur 2' });
      expectProblem(duplicate, 409, ['id']);
      expectProblem(await http().post('/v1/organisations/aarhus/departments').set(aarhus).send({ id: 'x', name: '' }), 400, ['id', 'name']);

      const path = '/v1/organisations/aarhus/departments/culture';
      expectProblem(await http().patch(path).set(aarhus).send({ name: 'Kultur og Fritid' }), 428, ['If-Match']);
      const stale = await http().patch(path).set(aarhus).set('If-Match', '"1"').send({ name: 'Kultur og Fritid' });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(2);
      const renamed = await http().patch(path).set(aarhus).set('If-Match', '"2"').send({ name: 'Kultur og Fritid', reason: 'New structure' });
      expect(renamed.status).toBe(200);
      expect(renamed.headers.etag).toBe('"3"');
      expect(renamed.body.departments[0]).toEqual({ id: 'culture', name: 'Kultur og Fritid', status: 'open', formerNames: ['Kultur'] });
      expectProblem(await http().patch('/v1/organisations/aarhus/departments/sports').set(aarhus).set('If-Match', '"3"').send({ name: 'Idræt' }), 404);

      const closed = await http().post(`${path}/close`).set(aarhus).set('If-Match', '"3"').send({});
      expect(closed.status).toBe(200);
      expect(closed.body.departments[0].status).toBe('closed');
      const closedAgain = await http().post(`${path}/close`).set(aarhus).send({});
      expectProblem(closedAgain, 409);
      expect(closedAgain.body.code).toBe('department_closed');
      expectProblem(await http().patch(path).set(aarhus).set('If-Match', '"4"').send({ name: 'Kultur igen' }), 409);
      expectProblem(await http().post('/v1/organisations/aarhus/departments').set(aarhus).send({ id: 'culture', name: 'Kultur' }), 409, ['id']);
      expect(await version('/v1/organisations/aarhus', aarhus)).toBe(4);
    });
  });

  describe('POST /v1/forums', () => {
    it('establishes a forum under its parent: 201, Location, ETag "1", X-Log-Position; GET answers the same', async () => {
      const res = await http().post('/v1/forums').set(herning).send(steeringGroup({ name: 'IT-styregruppen', parentForumId: directorateId }));
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/v1/forums/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      expect(res.body).toMatchObject({
        organisationId: 'herning',
        name: 'IT-styregruppen',
        kind: 'steering_group',
        parentForumId: directorateId,
        mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: dkk(2_000_000) },
        decisionRule: SIMPLE_MAJORITY,
        members: [],
        version: 1,
      });
      const read = await http().get(res.headers.location).set(herning);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('answers malformed input 400 with the field paths, and establishes nothing', async () => {
      const name = 'Malformed forum';
      const res = await http()
        .post('/v1/forums')
        .set(herning)
        .send({
          name,
          kind: 'committee',
          parentForumId: 'not-a-uuid',
          mandate: { decisionKinds: ['approve', 'veto'], investmentAreas: [], departmentIds: [], maximumAmount: { amountMinor: 1.5, currency: 'SEK' } },
          decisionRule: { kind: 'simple_majority', quorum: { kind: 'count', count: 0 } },
        });
      expectProblem(res, 400, [
        'kind',
        'parentForumId',
        'mandate.decisionKinds',
        'mandate.maximumAmount.amountMinor',
        'mandate.maximumAmount.currency',
        'decisionRule.quorum.count',
      ]);
      const missing = await http().post('/v1/forums').set(herning).send({ name, kind: 'board', mandate: { decisionKinds: [] }, decisionRule: { kind: 'qualified_majority', quorum: { kind: 'fraction' } } });
      expectProblem(missing, 400, [
        'mandate.investmentAreas',
        'mandate.departmentIds',
        'mandate.maximumAmount',
        'decisionRule.threshold',
        'decisionRule.quorum.numerator',
        'decisionRule.quorum.denominator',
      ]);
      expect((await listAll({}, herning, await sentinel())).map((f) => f.name)).not.toContain(name);
    });

    it('answers 422 with the field for content that breaks a rule, and establishes nothing', async () => {
      const name = 'Rule-breaking forum';
      const cases: [Record<string, unknown>, string][] = [
        [{ decisionRule: { kind: 'qualified_majority', threshold: { numerator: 1, denominator: 2 }, quorum: { kind: 'count', count: 2 } } }, 'decisionRule.threshold'],
        [{ decisionRule: { kind: 'unanimity', quorum: { kind: 'fraction', numerator: 3, denominator: 2 } } }, 'decisionRule.quorum'],
        [{ mandate: { decisionKinds: ['approve'], investmentAreas: [], departmentIds: ['it', 'it'], maximumAmount: null } }, 'mandate.departmentIds'],
        [{ mandate: { decisionKinds: ['approve'], investmentAreas: [], departmentIds: ['it', 'culture'], maximumAmount: null } }, 'mandate.departmentIds.1'],
        [{ parentForumId: UNKNOWN_FORUM }, 'parentForumId'],
      ];
      for (const [overrides, field] of cases) {
        const res = await http().post('/v1/forums').set(herning).send(steeringGroup({ name, ...overrides }));
        expectProblem(res, 422, [field]);
        expect(res.body.code).toBe('invalid_forum');
      }
      const viborgForum = await establish(steeringGroup({ name: 'Viborg styregruppe' }), viborg);
      const foreignParent = await http().post('/v1/forums').set(herning).send(steeringGroup({ name, parentForumId: viborgForum.body.id }));
      expectProblem(foreignParent, 422, ['parentForumId']);
      expect((await listAll({}, herning, await sentinel())).map((f) => f.name)).not.toContain(name);
    });

    it('needs the acting organisation to be registered (409), a token (401) and someone acting for one (403)', async () => {
      const res = await http().post('/v1/forums').set(actorHeaders('x@lejre.dk', 'lejre')).send(steeringGroup());
      expectProblem(res, 409);
      expect(res.body.code).toBe('organisation_not_registered');
      expectProblem(await http().post('/v1/forums').send(steeringGroup()), 401);
      expectProblem(await http().post('/v1/forums').set(actorHeaders('someone', '', 'administrator')).send(steeringGroup()), 403);
    });

    it('replays a retried establishment with the same Idempotency-Key: one forum', async () => {
      const body = steeringGroup({ name: 'Idempotent faggruppe', kind: 'subject_group', parentForumId: steeringId });
      const first = await http().post('/v1/forums').set(herning).set('Idempotency-Key', 'forum-1').send(body);
      const retry = await http().post('/v1/forums').set(herning).set('Idempotency-Key', 'forum-1').send(body);
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.body).toEqual(first.body);
      const listed = await listAll({ parentForumId: steeringId }, herning, await sentinel());
      expect(listed.filter((f) => f.name === 'Idempotent faggruppe').map((f) => f.id)).toEqual([first.body.id]);
    });
  });

  describe('GET /v1/forums', () => {
    it('lists the organisation\'s forums with kind, parent, member count and mandate, page by page', async () => {
      const org = actorHeaders('o@odder.dk', 'odder');
      await register('odder', org);
      const top = await establish(steeringGroup({ name: 'A Direktion', kind: 'directorate' }), org);
      const names = ['B Styregruppe', 'C Faggruppe', 'D Faggruppe'];
      let last = top;
      for (const name of names) last = await establish(steeringGroup({ name, kind: name.includes('Fag') ? 'subject_group' : 'steering_group', parentForumId: top.body.id }), org);
      await http().post(`/v1/forums/${top.body.id}/members`).set(org).send({ memberId: 'm1', person: { name: 'Mette' }, role: 'chair', from: '2020-01-01' }).expect(201);
      const joined = await http().post(`/v1/forums/${top.body.id}/members`).set(org).send({ memberId: 'm2', person: { name: 'Ole' }, role: 'member', from: '2020-01-01' });
      expect(joined.status).toBe(201);

      const first = await http().get('/v1/forums').query({ limit: '2' }).set(org).set('X-Min-Position', joined.headers['x-log-position']);
      expect(first.status).toBe(200);
      expect(first.body.items.map((f: { name: string }) => f.name)).toEqual(['A Direktion', 'B Styregruppe']);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(first.headers.link).toContain('rel="next"');
      expect(first.body.items[0]).toMatchObject({
        id: top.body.id,
        kind: 'directorate',
        parentForumId: null,
        memberCount: 2,
        mandate: { maximumAmount: dkk(2_000_000), summary: expect.stringContaining('approvals up to DKK 2000000.00') },
        version: 3,
      });
      expect(first.body.items[1]).toMatchObject({ parentForumId: top.body.id, memberCount: 0 });
      const second = await http().get('/v1/forums').query({ limit: '2', cursor: first.body.nextCursor }).set(org);
      expect(second.body.items.map((f: { name: string }) => f.name)).toEqual(['C Faggruppe', 'D Faggruppe']);
      expect(second.body.nextCursor).toBeNull();

      const before = await http().get('/v1/forums').query({ on: '2019-12-31' }).set(org);
      expect(before.body.items[0].memberCount).toBe(0);
      const groups = await listAll({ kind: 'subject_group' }, org, last.headers['x-log-position']);
      expect(groups.map((f) => f.name)).toEqual(['C Faggruppe', 'D Faggruppe']);
      const newest = await http().get('/v1/forums').query({ sort: 'establishedAt', limit: '1' }).set(org);
      expect(newest.body.items.map((f: { name: string }) => f.name)).toEqual(['D Faggruppe']);

      // another organisation sees none of them
      expect((await listAll({}, herning, await sentinel())).map((f) => f.id)).not.toContain(top.body.id);
    });

    it('refuses a bad query with the field: 400', async () => {
      expectProblem(await http().get('/v1/forums').query({ kind: 'committee', limit: '0', on: '2025-02-30' }).set(herning), 400, ['kind', 'limit', 'on']);
      expectProblem(await http().get('/v1/forums').query({ cursor: 'bm90LWEtY3Vyc29y' }).set(herning), 400, ['cursor']);
      expectProblem(await http().get('/v1/forums'), 401);
      expectProblem(await http().get('/v1/forums').set(actorHeaders('someone', '', 'director')), 403);
    });

    it('is a disposable read model: a rebuild from the log yields the same list', async () => {
      const position = await sentinel();
      const before = await listAll({}, herning, position);
      await t.app.get(ProjectionRuntime).rebuild('forum_summaries');
      const after = await listAll({}, herning, position);
      expect(after).toEqual(before);
      expect(after.length).toBeGreaterThan(3);
    });
  });

  describe('GET /v1/forums/{id}', () => {
    it('is 404 for another organisation\'s, an unknown and a malformed id', async () => {
      expectProblem(await http().get(`/v1/forums/${steeringId}`).set(viborg), 404);
      expectProblem(await http().get(`/v1/forums/${UNKNOWN_FORUM}`).set(herning), 404);
      expectProblem(await http().get('/v1/forums/not-a-uuid').set(herning), 404);
    });
  });

  describe('PUT /v1/forums/{id}/mandate and /decision-rule', () => {
    it('replaces the mandate with If-Match: 428 without, 409 when stale, 200 with the new version', async () => {
      const forum = await establish(steeringGroup({ name: 'Mandate forum', parentForumId: directorateId }));
      const path = `/v1/forums/${forum.body.id}/mandate`;
      const mandate = { decisionKinds: ['reject', 'approve'], investmentAreas: ['digital_workplace'], departmentIds: ['social', 'it'], maximumAmount: dkk(500_000) };

      expectProblem(await http().put(path).set(herning).send(mandate), 428, ['If-Match']);
      const amended = await http().put(path).set(herning).set('If-Match', '"1"').send({ ...mandate, reason: 'Directorate decision 2026-03' });
      expect(amended.status).toBe(200);
      expect(amended.headers.etag).toBe('"2"');
      expect(amended.headers['x-log-position']).toMatch(/^\d+\.\d+$/);
      // lists are sets: kept in a fixed order
      expect(amended.body.mandate).toEqual({ decisionKinds: ['approve', 'reject'], investmentAreas: ['digital_workplace'], departmentIds: ['it', 'social'], maximumAmount: dkk(500_000) });

      const stale = await http().put(path).set(herning).set('If-Match', '"1"').send({ ...mandate, maximumAmount: null });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(2);
      const same = await http().put(path).set(herning).set('If-Match', '"2"').send(mandate);
      expect(same.status).toBe(200);
      expect(same.headers.etag).toBe('"2"');
      expect(same.headers['x-log-position']).toBeUndefined();
    });

    it('names the fields of the mandate body on bad input (400/422) and changes nothing', async () => {
      const forum = await establish(steeringGroup({ name: 'Mandate errors' }));
      const path = `/v1/forums/${forum.body.id}/mandate`;
      const base = { decisionKinds: ['approve'], investmentAreas: [], departmentIds: [], maximumAmount: null };
      expectProblem(await http().put(path).set(herning).set('If-Match', '"1"').send({ ...base, maximumAmount: undefined, investmentAreas: ['space'] }), 400, ['maximumAmount', 'investmentAreas']);
      expectProblem(await http().put(path).set(herning).set('If-Match', '"1"').send({ ...base, decisionKinds: ['approve', 'approve'] }), 422, ['decisionKinds']);
      expectProblem(await http().put(path).set(herning).set('If-Match', '"1"').send({ ...base, departmentIds: ['nowhere'] }), 422, ['departmentIds.0']);
      expect(await version(`/v1/forums/${forum.body.id}`)).toBe(1);
    });

    it('changes the decision rule with If-Match, and names the rule\'s own fields on a 422', async () => {
      const forum = await establish(steeringGroup({ name: 'Rule forum' }));
      const path = `/v1/forums/${forum.body.id}/decision-rule`;
      const rule = { kind: 'qualified_majority', threshold: { numerator: 2, denominator: 3 }, quorum: { kind: 'count', count: 4 } };
      expectProblem(await http().put(path).set(herning).send(rule), 428, ['If-Match']);
      expectProblem(await http().put(path).set(herning).set('If-Match', '"1"').send({ ...rule, threshold: { numerator: 1, denominator: 2 } }), 422, ['threshold']);
      const changed = await http().put(path).set(herning).set('If-Match', '"1"').send(rule);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body.decisionRule).toEqual(rule);
      // the same rule again, its keys in another order, changes nothing
      const same = await http().put(path).set(herning).set('If-Match', '"2"').send({ quorum: { count: 4, kind: 'count' }, threshold: { denominator: 3, numerator: 2 }, kind: 'qualified_majority' });
      expect([same.status, same.headers.etag, same.headers['x-log-position']]).toEqual([200, '"2"', undefined]);
      expectProblem(await http().put(path).set(herning).set('If-Match', '"1"').send(SIMPLE_MAJORITY), 409);
    });

    it('is 404 for another organisation, whatever the If-Match', async () => {
      const mandate = { decisionKinds: [], investmentAreas: [], departmentIds: [], maximumAmount: null };
      expectProblem(await http().put(`/v1/forums/${steeringId}/mandate`).set(viborg).set('If-Match', '"1"').send(mandate), 404);
      expectProblem(await http().put(`/v1/forums/${steeringId}/decision-rule`).set(viborg).set('If-Match', '"9"').send(SIMPLE_MAJORITY), 404);
      expectProblem(await http().put(`/v1/forums/${UNKNOWN_FORUM}/mandate`).set(herning).set('If-Match', '"3"').send(mandate), 404);
    });
  });

  describe('members', () => {
    let forumId: string;
    let members: string;
    beforeAll(async () => {
      forumId = (await establish(steeringGroup({ name: 'Membership forum', parentForumId: directorateId }))).body.id;
      members = `/v1/forums/${forumId}/members`;
    });

    it('a member joins: 201, Location, ETag; joining twice is 409; a retried join is replayed', async () => {
      const body = { memberId: 'karen', person: { name: 'Karen Jensen', email: 'karen@herning.dk' }, role: 'chair', from: '2025-01-01' };
      const res = await http().post(members).set(herning).set('Idempotency-Key', 'join-karen').send(body);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${members}/karen`);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toEqual({
        forumId,
        memberId: 'karen',
        person: { name: 'Karen Jensen', email: 'karen@herning.dk' },
        memberships: [{ from: '2025-01-01', to: null, roles: [{ role: 'chair', from: '2025-01-01' }] }],
        version: 2,
      });
      const retry = await http().post(members).set(herning).set('Idempotency-Key', 'join-karen').send(body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(res.body);

      const twice = await http().post(members).set(herning).send(body);
      expectProblem(twice, 409, ['memberId']);
      expect(twice.body.code).toBe('member_already_joined');
      expect((await http().get(res.headers.location).set(herning)).body).toEqual(res.body);
    });

    it('refuses bad input with the field paths (400), a second chair (409), and records nothing', async () => {
      const bad = await http().post(members).set(herning).send({ memberId: '-bad id', person: { name: '', email: 'no-mail' }, role: 'treasurer', from: '2025-02-30' });
      expectProblem(bad, 400, ['memberId', 'person.name', 'person.email', 'role', 'from']);
      const chair = await http().post(members).set(herning).send({ memberId: 'ole', person: { name: 'Ole' }, role: 'chair', from: '2025-06-01' });
      expectProblem(chair, 409, ['role']);
      expect(chair.body).toMatchObject({ code: 'chair_already_taken', chairMemberId: 'karen', on: '2025-06-01' });
      expect(await version(`/v1/forums/${forumId}`)).toBe(2);
    });

    it('changes a role with If-Match (428/409/422), leaves, and answers membership as of any day', async () => {
      await http().post(members).set(herning).send({ memberId: 'ole', person: { name: 'Ole Hansen' }, role: 'member', from: '2025-03-01' }).expect(201);
      await http().post(members).set(herning).send({ memberId: 'mette', person: { name: 'Mette' }, role: 'secretary', from: '2025-03-01' }).expect(201);
      const ole = `${members}/ole`;

      expectProblem(await http().patch(ole).set(herning).send({ role: 'chair', from: '2026-01-01' }), 428, ['If-Match']);
      expectProblem(await http().patch(ole).set(herning).set('If-Match', '"2"').send({ role: 'chair', from: '2026-01-01' }), 409);
      const early = await http().patch(ole).set(herning).set('If-Match', '"4"').send({ role: 'chair', from: '2025-02-01' });
      expectProblem(early, 422, ['from']);
      expect(early.body.code).toBe('membership_date_conflict');
      expectProblem(await http().patch(ole).set(herning).set('If-Match', '"4"').send({ role: 'boss', from: '2026-13-01' }), 400, ['role', 'from']);

      const karenLeaves = await http().post(`${members}/karen/leave`).set(herning).set('If-Match', '"4"').send({ to: '2025-12-31', reason: 'Retired' });
      expect(karenLeaves.status).toBe(200);
      expect(karenLeaves.headers.etag).toBe('"5"');
      expect(karenLeaves.body.memberships).toEqual([{ from: '2025-01-01', to: '2025-12-31', roles: [{ role: 'chair', from: '2025-01-01' }] }]);
      const promoted = await http().patch(ole).set(herning).set('If-Match', '"5"').send({ role: 'chair', from: '2026-01-01' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.memberships[0].roles).toEqual([{ role: 'member', from: '2025-03-01' }, { role: 'chair', from: '2026-01-01' }]);

      const leftAgain = await http().post(`${members}/karen/leave`).set(herning).send({ to: '2026-01-31' });
      expectProblem(leftAgain, 409);
      expect(leftAgain.body.code).toBe('member_has_left');
      expectProblem(await http().post(`${members}/nobody/leave`).set(herning).send({ to: '2026-01-31' }), 404);
      expectProblem(await http().get(`${members}/nobody`).set(herning), 404);

      const on = async (date: string) => {
        const res = await http().get(members).query({ on: date }).set(herning);
        expect(res.status).toBe(200);
        expect(res.headers.etag).toBe('"6"');
        return res.body.members.map((m: { memberId: string; role: string }) => `${m.memberId}:${m.role}`);
      };
      expect(await on('2024-12-31')).toEqual([]);
      expect(await on('2025-01-01')).toEqual(['karen:chair']);
      expect(await on('2025-12-31')).toEqual(['karen:chair', 'ole:member', 'mette:secretary']);
      expect(await on('2026-01-01')).toEqual(['ole:chair', 'mette:secretary']);
      expectProblem(await http().get(members).query({ on: '31-12-2025' }).set(herning), 400, ['on']);

      const today = await http().get(`/v1/forums/${forumId}`).set(herning);
      expect(today.body.members.map((m: { memberId: string }) => m.memberId)).toEqual(['ole', 'mette']);
      expect(today.body.members[0]).toEqual({ memberId: 'ole', person: { name: 'Ole Hansen' }, role: 'chair', memberSince: '2025-03-01' });
    });

    it('is 404 for another organisation on every membership endpoint', async () => {
      const join = await http().post(members).set(viborg).send({ memberId: 'vera', person: { name: 'Vera' }, role: 'member', from: '2025-01-01' });
      const patch = await http().patch(`${members}/ole`).set(viborg).set('If-Match', '"6"').send({ role: 'member', from: '2027-01-01' });
      const leave = await http().post(`${members}/ole/leave`).set(viborg).send({ to: '2027-01-01' });
      const list = await http().get(members).set(viborg);
      const one = await http().get(`${members}/ole`).set(viborg);
      for (const res of [join, patch, leave, list, one]) expectProblem(res, 404);
      expect(await version(`/v1/forums/${forumId}`)).toBe(6);
    });
  });

  it('documents every organisation and forum operation in /openapi.json', async () => {
    const doc = (await http().get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { required?: string[] }> } };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /v1/organisations',
        'GET /v1/organisations/{id}',
        'POST /v1/organisations/{id}/departments',
        'PATCH /v1/organisations/{id}/departments/{departmentId}',
        'POST /v1/organisations/{id}/departments/{departmentId}/close',
        'POST /v1/forums',
        'GET /v1/forums',
        'GET /v1/forums/{id}',
        'PUT /v1/forums/{id}/mandate',
        'PUT /v1/forums/{id}/decision-rule',
        'POST /v1/forums/{id}/members',
        'GET /v1/forums/{id}/members',
        'PATCH /v1/forums/{id}/members/{memberId}',
        'POST /v1/forums/{id}/members/{memberId}/leave',
        'POST /v1/forums/{id}/mandate-check',
      ]),
    );
    expect(doc.components.schemas.EstablishForumRequest.required).toEqual(['name', 'kind', 'mandate', 'decisionRule']);
    expect(doc.components.schemas.EstablishForumMandateDto.required).toEqual(['decisionKinds', 'investmentAreas', 'departmentIds', 'maximumAmount']);
    // the proposals' own DTOs are not replaced by these
    expect(doc.components.schemas.MoneyDto).toBeDefined();
    expect(doc.components.schemas.ForumMoneyDto.required).toEqual(['amountMinor', 'currency']);
  });

  describe('POST /v1/forums/{id}/mandate-check', () => {
    it('refuses an amount above the maximum with the reason, and names the parent forum to escalate to', async () => {
      const before = await version(`/v1/forums/${steeringId}`);
      const res = await http().post(`/v1/forums/${steeringId}/mandate-check`).set(herning).send({ kind: 'approve', amount: dkk(2_500_000), area: 'digital_workplace' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${before}"`);
      expect(res.body).toEqual({
        forumId: steeringId,
        version: before,
        matter: { kind: 'approve', amount: dkk(2_500_000), area: 'digital_workplace', departmentId: null },
        withinMandate: false,
        reasons: [
          {
            code: 'amount_above_maximum',
            amount: dkk(2_500_000),
            maximum: dkk(2_000_000),
            description: 'DKK 2500000.00 is above the limit of DKK 2000000.00',
          },
        ],
        escalateTo: { forumId: directorateId, name: 'Direktionen', kind: 'directorate' },
      });
      // a question, not a decision: nothing recorded
      expect(await version(`/v1/forums/${steeringId}`)).toBe(before);
    });

    it('answers within the mandate, every reason at once, and no target for a top forum', async () => {
      const within = await http().post(`/v1/forums/${steeringId}/mandate-check`).set(herning).send({ kind: 'approve', amount: dkk(2_000_000) });
      expect(within.body).toMatchObject({ withinMandate: true, reasons: [], escalateTo: null });

      const narrow = await establish({
        name: 'Narrow faggruppe',
        kind: 'subject_group',
        mandate: { decisionKinds: ['defer'], investmentAreas: ['digital_workplace'], departmentIds: ['it'], maximumAmount: dkk(100_000) },
        decisionRule: SIMPLE_MAJORITY,
      });
      const all = await http()
        .post(`/v1/forums/${narrow.body.id}/mandate-check`)
        .set(herning)
        .send({ kind: 'approve', amount: { amountMinor: 100, currency: 'EUR' }, area: 'service_to_citizens_and_businesses', departmentId: 'social' });
      expect(all.body.withinMandate).toBe(false);
      expect(all.body.reasons.map((r: { code: string }) => r.code)).toEqual([
        'decision_kind_not_mandated',
        'investment_area_not_mandated',
        'department_not_mandated',
        'amount_in_other_currency',
      ]);
      expect(all.body.escalateTo).toBeNull();
    });

    it('refuses a malformed matter (400) and another organisation\'s forum (404)', async () => {
      expectProblem(await http().post(`/v1/forums/${steeringId}/mandate-check`).set(herning).send({ kind: 'veto', amount: { amountMinor: -1, currency: 'DKK' } }), 400, ['kind', 'amount.amountMinor']);
      expectProblem(await http().post(`/v1/forums/${steeringId}/mandate-check`).set(viborg).send({ kind: 'approve' }), 404);
      expectProblem(await http().post(`/v1/forums/${UNKNOWN_FORUM}/mandate-check`).set(herning).send({ kind: 'approve' }), 404);
    });
  });
});
