import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE, type Headers } from '../support/proposals.js';

const viborg = actorHeaders('pia@viborg.dk', 'viborg', 'programme_office');
const director = actorHeaders('dan@viborg.dk', 'viborg', 'director');
const silkeborg = actorHeaders('sune@silkeborg.dk', 'silkeborg', 'programme_office');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/**
 * Viborg's resources (seed 000: the scarcest resource is project management and implementation support): roles,
 * people and teams with capacity per month, a loan between departments, two projects' demand, assignments, the
 * capacity view with over-allocation flagged and the scarcity report.
 */
describe('resources and capacity over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  const projects: string[] = [];

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  /** A submitted proposal, once the portfolio-entry process has made it a project. */
  async function project(title: string, headers: Headers = viborg): Promise<string> {
    const id = (await draft(t, { ...SUBMITTABLE, title, departmentId: 'it' }, headers)).body.id as string;
    await ok(http().post(`/v1/proposals/${id}/submit`).set(headers), 200);
    let found = await http().get(`/v1/projects/${id}`).set(headers);
    for (let attempt = 0; found.status === 404 && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      found = await http().get(`/v1/projects/${id}`).set(headers);
    }
    expect(found.status).toBe(200);
    return id;
  }

  const register = (body: Record<string, unknown>, headers: Headers = viborg) => http().post('/v1/resources').set(headers).send(body);
  const capacity = (query: Record<string, string>, minPosition?: string, headers: Headers = viborg) => {
    const req = http().get('/v1/capacity').query(query).set(headers);
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };

  beforeAll(async () => {
    t = await startTestApp('e2e_resources');
    projects.push(await project('Digital post'), await project('Nyt omsorgssystem'));
    for (const [roleId, name] of [
      ['project_leader', 'Projektleder'],
      ['implementation_support', 'Implementeringsstøtte'],
      ['system_architect', 'Systemarkitekt'],
    ]) {
      await ok(http().post('/v1/resource-roles').set(viborg).send({ roleId, name }), 201);
    }
  });
  afterAll(async () => t?.close());

  describe('roles', () => {
    it('defines, reads, lists and renames roles; a key is defined once', async () => {
      const read = await ok(http().get('/v1/resource-roles/project_leader').set(director), 200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ roleId: 'project_leader', name: 'Projektleder', description: null, version: 1 });
      expectProblem(await http().post('/v1/resource-roles').set(viborg).send({ roleId: 'project_leader', name: 'Again' }), 409, ['roleId']);
      expectProblem(await http().post('/v1/resource-roles').set(viborg).send({ roleId: 'Project Leader', name: ' ' }), 400, ['roleId', 'name']);
      expectProblem(await http().patch('/v1/resource-roles/project_leader').set(viborg).send({ name: 'Projektleder (central)' }), 428);
      const stale = await http().patch('/v1/resource-roles/project_leader').set(viborg).set('If-Match', '"7"').send({ name: 'Projektleder (central)' });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(1);
      const renamed = await ok(http().patch('/v1/resource-roles/project_leader').set(viborg).set('If-Match', '"1"').send({ description: 'Central IT' }), 200);
      expect(renamed.headers.etag).toBe('"2"');
      const listed = await ok(http().get('/v1/resource-roles').set(viborg).set('X-Min-Position', renamed.headers['x-log-position']), 200);
      expect(listed.body.items.map((r: { roleId: string }) => r.roleId)).toEqual(['implementation_support', 'project_leader', 'system_architect']);
      expect((await ok(http().get('/v1/resource-roles').set(silkeborg), 200)).body.items).toEqual([]);
      expectProblem(await http().get('/v1/resource-roles/project_leader').set(silkeborg), 404);
      expectProblem(await http().post('/v1/resource-roles').set(director).send({ roleId: 'x', name: 'x' }), 403);
    });
  });

  describe('people, teams, capacity, loans, demand and assignments', () => {
    let anna: request.Response;
    let team: request.Response;
    let bo: request.Response;

    beforeAll(async () => {
      anna = await ok(register({ kind: 'person', person: { name: 'Anna Holm', email: 'anna.holm@viborg.dk' }, roleId: 'project_leader', homeUnitId: 'central-it' }), 201);
      team = await ok(register({ kind: 'team', teamName: 'Implementeringsteamet', roleId: 'implementation_support', homeUnitId: 'central-it' }), 201);
      bo = await ok(register({ kind: 'person', person: { name: 'Bo Lund', email: 'bo.lund@viborg.dk' }, roleId: 'system_architect', homeUnitId: 'social' }), 201);
    });

    it('registers a person with the name and email in one person object, and a team by name', async () => {
      expect(anna.headers.location).toBe(`/v1/resources/${anna.body.id}`);
      expect(anna.body).toMatchObject({
        kind: 'person',
        person: { name: 'Anna Holm', email: 'anna.holm@viborg.dk' },
        teamName: null,
        roleId: 'project_leader',
        homeUnitId: 'central-it',
        hoursPerFteMonth: 160,
        months: [],
        version: 1,
      });
      expect(team.body).toMatchObject({ kind: 'team', person: null, teamName: 'Implementeringsteamet' });
      expectProblem(await http().get(`/v1/resources/${anna.body.id}`).set(silkeborg), 404);
      expect((await http().get(`/v1/resources/${anna.body.id}`).set(director).set('If-None-Match', '"1"')).status).toBe(304);
    });

    const BAD: [string, Record<string, unknown>, number, string[]][] = [
      ['an unknown kind', { kind: 'robot', roleId: 'project_leader', homeUnitId: 'it' }, 400, ['kind']],
      ['a malformed email', { kind: 'person', person: { name: 'X', email: 'x' }, roleId: 'project_leader', homeUnitId: 'it' }, 400, ['person.email']],
      ['no home unit', { kind: 'team', teamName: 'T', roleId: 'project_leader' }, 400, ['homeUnitId']],
      ['an unknown field', { kind: 'team', teamName: 'T', roleId: 'project_leader', homeUnitId: 'it', salary: 1 }, 400, ['salary']],
      ['a role the organisation has not defined', { kind: 'team', teamName: 'T', roleId: 'legal_advisor', homeUnitId: 'bad-input' }, 422, ['roleId']],
      ['a person without a person', { kind: 'person', teamName: 'T', roleId: 'project_leader', homeUnitId: 'bad-input' }, 422, ['person']],
      ['a team with a person', { kind: 'team', teamName: 'T', person: { name: 'X', email: 'x@y.dk' }, roleId: 'project_leader', homeUnitId: 'bad-input' }, 422, ['person']],
    ];

    it.each(BAD)('refuses %s', async (_what, body, status, fields) => {
      expectProblem(await register(body), status, fields);
    });

    it('sets capacity (a share of a position is freed time at 160 hours a month) with If-Match, never below what is lent', async () => {
      const id = anna.body.id;
      const body = { from: '2027-01', to: '2027-06', ftePercent: 50 };
      expectProblem(await http().put(`/v1/resources/${id}/capacity`).set(viborg).send(body), 428);
      expectProblem(await http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', '"1"').send({ ...body, hoursPerMonth: 80 }), 422, ['hoursPerMonth']);
      expectProblem(await http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', '"1"').send({ ...body, to: '2026-12' }), 422, ['to']);
      expectProblem(await http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', '"1"').send({ ...body, from: '2027-13' }), 400, ['from']);
      expectProblem(await http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', '"1"').send({ ...body, ftePercent: 101 }), 422, ['ftePercent']);
      expect((await ok(http().get(`/v1/resources/${id}`).set(viborg), 200)).body.version).toBe(1);

      const set = await ok(http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', '"1"').send(body), 200);
      expect(set.headers.etag).toBe('"2"');
      expect(set.body.months).toHaveLength(6);
      expect(set.body.months[0]).toEqual({ month: '2027-01', capacityHours: 80, lentHours: 0, assignedHours: 0, overAllocated: false });
      await ok(http().put(`/v1/resources/${team.body.id}/capacity`).set(viborg).set('If-Match', '"1"').send({ from: '2027-01', to: '2027-06', hoursPerMonth: 200 }), 200);
      await ok(http().put(`/v1/resources/${bo.body.id}/capacity`).set(viborg).set('If-Match', '"1"').send({ from: '2027-01', to: '2027-06', hoursPerMonth: 120 }), 200);
    });

    it('lends part of a person to another department for a period, never more than is left', async () => {
      const id = anna.body.id;
      const loan = { loanId: 'anna-social-2027', borrowerUnitId: 'social', from: '2027-02', to: '2027-03', hoursPerMonth: 40, note: 'Sagsbehandlingssystem' };
      const lent = await ok(http().post(`/v1/resources/${id}/loans`).set(viborg).send(loan), 201);
      expect(lent.body.loans).toEqual([{ ...loan, lenderUnitId: 'central-it', ftePercent: null, status: 'active' }]);
      expect(lent.body.months[1]).toMatchObject({ month: '2027-02', capacityHours: 80, lentHours: 40 });
      expect((await ok(http().post(`/v1/resources/${id}/loans`).set(viborg).send(loan), 200)).body.version).toBe(lent.body.version);

      const tooMuch = await http().post(`/v1/resources/${id}/loans`).set(viborg).send({ ...loan, loanId: 'more', hoursPerMonth: 41 });
      expectProblem(tooMuch, 409, ['hoursPerMonth']);
      expect(tooMuch.body).toMatchObject({ month: '2027-02', availableHours: 40 });
      expectProblem(await http().post(`/v1/resources/${id}/loans`).set(viborg).send({ ...loan, loanId: 'home', borrowerUnitId: 'central-it' }), 422, ['borrowerUnitId']);
      expectProblem(await http().post(`/v1/resources/${id}/loans`).set(viborg).send({ ...loan, hoursPerMonth: 1 }), 409, ['loanId']);
      const below = await http().put(`/v1/resources/${id}/capacity`).set(viborg).set('If-Match', `"${lent.body.version}"`).send({ from: '2027-03', to: '2027-03', hoursPerMonth: 39 });
      expectProblem(below, 409, ['hoursPerMonth']);
      expect(below.body).toMatchObject({ month: '2027-03', lentHours: 40 });
      expectProblem(await http().post(`/v1/resources/${id}/loans/unknown/cancel`).set(viborg).send({}), 404);
      expect((await ok(http().get(`/v1/resources/${id}`).set(viborg), 200)).body.version).toBe(lent.body.version);
    });

    it("sets each project's demand per role and month; changing a plan needs If-Match", async () => {
      const [mail, care] = projects;
      const set = (projectId: string, roleId: string, body: Record<string, unknown>, ifMatch?: string) => {
        const req = http().put(`/v1/projects/${projectId}/resource-demand/${roleId}`).set(viborg);
        return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
      };
      const first = await ok(set(mail, 'project_leader', { from: '2027-01', to: '2027-06', hoursPerMonth: 100 }), 200);
      expect(first.headers.etag).toBe('"1"');
      expectProblem(await set(mail, 'implementation_support', { from: '2027-01', to: '2027-06', hoursPerMonth: 150 }), 428);
      expectProblem(await set(mail, 'implementation_support', { from: '2027-01', to: '2027-06', hoursPerMonth: 150 }, '"3"'), 409);
      await ok(set(mail, 'implementation_support', { from: '2027-01', to: '2027-06', hoursPerMonth: 150 }, '"1"'), 200);
      await ok(set(care, 'project_leader', { from: '2027-01', to: '2027-06', ftePercent: 50 }), 200);
      await ok(set(care, 'implementation_support', { from: '2027-01', to: '2027-06', hoursPerMonth: 100 }, '"1"'), 200);
      const last = await ok(set(care, 'system_architect', { from: '2027-01', to: '2027-06', hoursPerMonth: 60 }, '"2"'), 200);
      expect(last.body.demand).toContainEqual({ roleId: 'project_leader', month: '2027-01', hours: 80 });

      expectProblem(await set(UNKNOWN, 'project_leader', { from: '2027-01', to: '2027-01', hoursPerMonth: 1 }), 404);
      expectProblem(await set(mail, 'legal_advisor', { from: '2027-01', to: '2027-01', hoursPerMonth: 1 }, '*'), 422, ['roleId']);
      expectProblem(await set(mail, 'project_leader', { from: '2027-01', to: '2027-01' }, '*'), 422, ['hoursPerMonth']);
      expectProblem(await http().put(`/v1/projects/${mail}/resource-demand/project_leader`).set(silkeborg).send({ from: '2027-01', to: '2027-01', hoursPerMonth: 1 }), 404);
      const plan = await ok(http().get(`/v1/projects/${mail}/resources`).set(director), 200);
      expect(plan.body.version).toBe(2);
    });

    it('assigns people and teams to projects, accepting and flagging more than the capacity', async () => {
      const [mail, care] = projects;
      const assign = (id: string, body: Record<string, unknown>) => http().post(`/v1/resources/${id}/assignments`).set(viborg).send(body);
      await ok(assign(anna.body.id, { assignmentId: 'anna-mail', projectId: mail, from: '2027-01', to: '2027-06', hoursPerMonth: 60 }), 201);
      const over = await ok(assign(anna.body.id, { assignmentId: 'anna-care', projectId: care, from: '2027-03', to: '2027-04', hoursPerMonth: 40 }), 201);
      expect(over.body.months.find((m: { month: string }) => m.month === '2027-03')).toEqual({ month: '2027-03', capacityHours: 80, lentHours: 40, assignedHours: 100, overAllocated: true });
      await ok(assign(team.body.id, { assignmentId: 'team-mail', projectId: mail, from: '2027-01', to: '2027-06', hoursPerMonth: 150 }), 201);
      await ok(assign(bo.body.id, { assignmentId: 'bo-care', projectId: care, from: '2027-01', to: '2027-06', hoursPerMonth: 60 }), 201);

      expectProblem(await assign(anna.body.id, { projectId: UNKNOWN, from: '2027-01', to: '2027-01', hoursPerMonth: 1 }), 422, ['projectId']);
      expectProblem(await assign(anna.body.id, { projectId: 'not-a-project', from: '2027-01', to: '2027-01', hoursPerMonth: 1 }), 400, ['projectId']);
      expectProblem(await assign(anna.body.id, { projectId: mail, from: '2027-01', to: '2027-01', hoursPerMonth: 0 }), 422, ['hoursPerMonth']);
      expectProblem(await http().post(`/v1/resources/${UNKNOWN}/assignments`).set(viborg).send({ projectId: mail, from: '2027-01', to: '2027-01', hoursPerMonth: 1 }), 404);

      const withdrawn = await ok(http().post(`/v1/resources/${anna.body.id}/assignments/anna-care/withdraw`).set(viborg).send({ reason: 'Replanned' }), 200);
      expect(withdrawn.body.months.find((m: { month: string }) => m.month === '2027-03')).toMatchObject({ assignedHours: 60, overAllocated: false });
      const again = await ok(assign(anna.body.id, { assignmentId: 'anna-care-2', projectId: care, from: '2027-03', to: '2027-04', hoursPerMonth: 40 }), 201);

      const plan = await ok(http().get(`/v1/projects/${care}/resources`).set(viborg).set('X-Min-Position', again.headers['x-log-position']), 200);
      expect(plan.body.assignments.map((a: { assignmentId: string; status: string }) => [a.assignmentId, a.status]).sort()).toEqual([
        ['anna-care', 'withdrawn'],
        ['anna-care-2', 'active'],
        ['bo-care', 'active'],
      ]);
    });

    it('shows capacity against demand per role and month, flags over-allocation, and ranks the scarcest roles', async () => {
      const sentinel = await ok(register({ kind: 'team', teamName: 'Sentinel', roleId: 'system_architect', homeUnitId: 'sentinel' }), 201);
      const position = sentinel.headers['x-log-position'];
      const view = await ok(capacity({ from: '2027-01', to: '2027-06' }, position, director), 200);
      const row = (roleId: string, month: string) => view.body.rows.find((r: { roleId: string; month: string }) => r.roleId === roleId && r.month === month);
      expect(row('project_leader', '2027-03')).toEqual({
        roleId: 'project_leader',
        month: '2027-03',
        capacityHours: 80,
        demandHours: 180,
        assignedHours: 100,
        availableHours: -20,
        unassignedDemandHours: 80,
        overAllocated: true,
        overAllocatedResourceIds: [anna.body.id],
        byUnit: [
          { unitId: 'central-it', capacityHours: 40 },
          { unitId: 'social', capacityHours: 40 },
        ],
      });
      expect(row('project_leader', '2027-01')).toMatchObject({ capacityHours: 80, demandHours: 180, assignedHours: 60, overAllocated: false, byUnit: [{ unitId: 'central-it', capacityHours: 80 }] });
      expect(row('implementation_support', '2027-01')).toMatchObject({ capacityHours: 200, demandHours: 250, assignedHours: 150, overAllocated: false });
      expect(view.body.rows).toHaveLength(3 * 6);
      const leaders = await ok(capacity({ from: '2027-03', to: '2027-04', roleId: 'project_leader' }, position), 200);
      expect(leaders.body.rows.map((r: { month: string; overAllocated: boolean }) => [r.month, r.overAllocated])).toEqual([
        ['2027-03', true],
        ['2027-04', true],
      ]);

      const scarcity = await ok(http().get('/v1/capacity/scarcity').query({ from: '2027-01', to: '2027-06' }).set(director).set('X-Min-Position', position), 200);
      expect(scarcity.body.roles.map((r: { roleId: string; demandToCapacity: number }) => [r.roleId, r.demandToCapacity])).toEqual([
        ['project_leader', 2.25],
        ['implementation_support', 1.25],
        ['system_architect', 0.5],
      ]);
      expect(scarcity.body.roles[0]).toMatchObject({ demandHours: 1080, capacityHours: 480, shortfallHours: 600, overAllocatedMonths: ['2027-03', '2027-04'] });

      expectProblem(await capacity({ from: '2027-06', to: '2027-01' }), 400, ['to']);
      expectProblem(await capacity({ from: '2027-1', to: '2027-06' }), 400, ['from']);
      expectProblem(await capacity({ to: '2027-06' }), 400, ['from']);
      expect((await ok(capacity({ from: '2027-01', to: '2027-06' }, undefined, silkeborg), 200)).body.rows).toEqual([]);
    });

    it('lists people and teams by role and unit, in pages; the read models rebuild to the same answers', async () => {
      const sentinel = await ok(register({ kind: 'team', teamName: 'Sentinel 2', roleId: 'system_architect', homeUnitId: 'sentinel' }), 201);
      const position = sentinel.headers['x-log-position'];
      const list = (query: Record<string, string>) => http().get('/v1/resources').query(query).set(viborg).set('X-Min-Position', position);
      const all = await ok(list({ limit: '100' }), 200);
      // the refused registrations left nothing behind
      expect(all.body.items.filter((r: { homeUnitId: string }) => r.homeUnitId === 'bad-input')).toEqual([]);
      expect(all.body.items).toHaveLength(5);
      expect((await ok(list({ roleId: 'project_leader' }), 200)).body.items.map((r: { id: string }) => r.id)).toEqual([anna.body.id]);
      expect((await ok(list({ homeUnitId: 'social' }), 200)).body.items.map((r: { id: string }) => r.id)).toEqual([bo.body.id]);
      const page1 = await ok(list({ limit: '2' }), 200);
      const page2 = await ok(list({ limit: '2', cursor: page1.body.nextCursor }), 200);
      expect([...page1.body.items, ...page2.body.items]).toEqual(all.body.items.slice(0, 4));
      expectProblem(await list({ cursor: 'bm90LWEtY3Vyc29y' }), 400, ['cursor']);

      const before = {
        capacity: (await ok(capacity({ from: '2027-01', to: '2027-06' }, position), 200)).body,
        resources: all.body,
        roles: (await ok(http().get('/v1/resource-roles').set(viborg), 200)).body,
        plan: (await ok(http().get(`/v1/projects/${projects[1]}/resources`).set(viborg), 200)).body,
      };
      const runtime = t.app.get(ProjectionRuntime);
      for (const name of ['resource_roles', 'resources', 'resource_plans']) await runtime.rebuild(name);
      expect({
        capacity: (await ok(capacity({ from: '2027-01', to: '2027-06' }, position), 200)).body,
        resources: (await ok(list({ limit: '100' }), 200)).body,
        roles: (await ok(http().get('/v1/resource-roles').set(viborg), 200)).body,
        plan: (await ok(http().get(`/v1/projects/${projects[1]}/resources`).set(viborg), 200)).body,
      }).toEqual(before);
    });
  });
});
