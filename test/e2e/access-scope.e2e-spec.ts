import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem } from '../support/proposals.js';

const po = actorHeaders('pia@herning.dk', 'herning', 'programme_office');
const citizenService = actorHeaders('dan@herning.dk', 'herning', 'department_member', 'citizen-service');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('access scope: own department, own forums as of today, own organisation', () => {
  let t: TestApp;
  let pool: pg.Pool;
  const http = () => request(t.server);
  const eventCount = async () => Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp('access_scope');
    pool = new pg.Pool({ connectionString: t.db.url, max: 1 });
    await http().post('/v1/organisations').set(po).send({ id: 'herning', name: 'Herning Kommune', kind: 'municipality' }).expect(201);
  });

  afterAll(async () => {
    await pool?.end();
    await t?.close();
  });

  describe('a department member', () => {
    it('drafts, reads, amends and lists the proposals of its own department', async () => {
      const drafted = await http().post('/v1/proposals').set(citizenService).send({ title: 'Digital post', departmentId: 'citizen-service' });
      expect(drafted.status).toBe(201);
      const id = drafted.body.id as string;
      expect((await http().get(`/v1/proposals/${id}`).set(citizenService)).status).toBe(200);
      const amended = await http().patch(`/v1/proposals/${id}`).set(citizenService).set('If-Match', '"1"').send({ summary: 'Letters by digital post' });
      expect(amended.status).toBe(200);
      const listed = await http().get('/v1/proposals').query({ departmentId: 'citizen-service' }).set(citizenService).set('X-Min-Position', amended.headers['x-log-position']);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);
    });

    it("is refused another department's proposal, to draft, read, change or list, and nothing is written", async () => {
      const other = await http().post('/v1/proposals').set(po).send({ title: 'Road sensors', departmentId: 'technical' });
      const before = await eventCount();
      expectProblem(await http().post('/v1/proposals').set(citizenService).send({ title: 'Not ours', departmentId: 'technical' }), 403);
      expectProblem(await http().get(`/v1/proposals/${other.body.id}`).set(citizenService), 403);
      expectProblem(await http().patch(`/v1/proposals/${other.body.id}`).set(citizenService).set('If-Match', '"1"').send({ summary: 'x' }), 403);
      expectProblem(await http().post(`/v1/proposals/${other.body.id}/withdraw`).set(citizenService).send({ reason: 'x' }), 403);
      expectProblem(await http().get('/v1/proposals').set(citizenService), 403);
      expectProblem(await http().get('/v1/proposals').query({ departmentId: ['citizen-service', 'technical'] }).set(citizenService), 403);
      expect(await eventCount()).toBe(before);
    });

    it('needs the department_member role as well as a department in its token', async () => {
      const noRole = actorHeaders('eve@herning.dk', 'herning', 'auditor', 'citizen-service');
      expectProblem(await http().post('/v1/proposals').set(noRole).send({ title: 'x', departmentId: 'citizen-service' }), 403);
      const noDepartment = actorHeaders('eve@herning.dk', 'herning', 'department_member');
      expectProblem(await http().post('/v1/proposals').set(noDepartment).send({ title: 'x', departmentId: 'citizen-service' }), 403);
    });
  });

  describe('forum roles come from the membership, as of today', () => {
    let forumId: string;
    const member = (subject: string) => actorHeaders(subject, 'herning', 'forum_chair');

    beforeAll(async () => {
      const forum = await http()
        .post('/v1/forums')
        .set(po)
        .send({
          name: 'Styregruppen',
          kind: 'steering_group',
          mandate: { decisionKinds: ['approve'], investmentAreas: [], departmentIds: [], maximumAmount: { amountMinor: 100_000_000, currency: 'DKK' } },
          decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } },
        })
        .expect(201);
      forumId = forum.body.id;
      const join = (memberId: string, role: string, from: string) =>
        http().post(`/v1/forums/${forumId}/members`).set(po).send({ memberId, person: { name: memberId }, role, from }).expect(201);
      await join('former-chair', 'chair', '2018-01-01');
      const left = await http().post(`/v1/forums/${forumId}/members/former-chair/leave`).set(po).send({ to: '2019-12-31' });
      expect(left.status).toBe(200);
      await join('sitting-chair', 'chair', '2020-01-01');
      await join('future-member', 'member', isoDay(30));
      await join('sitting-secretary', 'secretary', '2020-01-01');
    });

    it('lets the sitting chair and secretary run the meetings, and refuses those who left or have not joined yet', async () => {
      const rule = { frequency: 'monthly', dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 }, time: '14:00', timeZone: 'Europe/Copenhagen', durationMinutes: 120, exceptMonths: [7], startDate: '2030-01-01' };
      expect((await http().put(`/v1/forums/${forumId}/meeting-rule`).set(member('sitting-chair')).send(rule)).status).toBe(200);
      expect((await http().get(`/v1/forums/${forumId}/meetings`).set(member('sitting-secretary'))).status).toBe(200);
      for (const outsider of ['former-chair', 'future-member', 'nobody']) {
        expectProblem(await http().get(`/v1/forums/${forumId}/meetings`).set(member(outsider)), 403);
        expectProblem(await http().put(`/v1/forums/${forumId}/meeting-rule`).set(member(outsider)).send(rule), 403);
      }
    });

    it('lets the secretary prepare a meeting\'s agenda, found through the meeting, and not a former member', async () => {
      const scheduled = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(po).send({ from: '2030-01-01', to: '2030-02-28' });
      const meetingId = scheduled.body.scheduled[0].meetingId as string;
      const sitting = actorHeaders('sitting-secretary', 'herning', 'forum_secretary');
      expect((await http().get(`/v1/meetings/${meetingId}`).set(sitting)).status).toBe(200);
      expect((await http().post(`/v1/meetings/${meetingId}/agenda`).set(sitting)).status).toBe(201);
      expectProblem(await http().post(`/v1/meetings/${meetingId}/agenda`).set(member('former-chair')), 403);
    });

    it('is no one in a forum of another organisation with the same member id', async () => {
      const viborgChair = actorHeaders('sitting-chair', 'viborg', 'forum_chair');
      expectProblem(await http().get(`/v1/forums/${forumId}/meetings`).set(viborgChair), 403);
    });
  });

  describe('organisation scope', () => {
    it("answers another organisation's proposal as not found, whatever the caller's roles", async () => {
      const drafted = await http().post('/v1/proposals').set(po).send({ title: 'Herning only', departmentId: 'technical' });
      for (const roles of ['programme_office', 'director', 'auditor']) {
        expectProblem(await http().get(`/v1/proposals/${drafted.body.id}`).set(actorHeaders('v@viborg.dk', 'viborg', roles)), 404);
      }
    });
  });
});
