import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { verifyPack } from '../../libs/governance/domain/agendas/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning');
const viborg = actorHeaders('vera@viborg.dk', 'viborg');

/** Herning's steering group: monthly, first Tuesday, 14:00 Copenhagen time, two hours, never in July. */
const HERNING_MONTHLY = {
  frequency: 'monthly',
  dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 },
  time: '14:00',
  timeZone: 'Europe/Copenhagen',
  durationMinutes: 120,
  exceptMonths: [7],
  startDate: '2026-01-01',
};

/** RISO's directors: quarterly, last Tuesday of March, June, September and December, 09:00. */
const RISO_QUARTERLY = {
  frequency: 'quarterly',
  dayRule: { kind: 'nth_weekday', n: -1, weekday: 2 },
  time: '09:00',
  durationMinutes: 90,
  quarterMonths: [3, 6, 9, 12],
  startDate: '2026-01-01',
};

interface Meeting {
  meetingId: string;
  forumId: string;
  plannedDate: string;
  startsAt: string;
  endsAt: string;
  status: string;
  origin: string;
  cancellationReason: string | null;
}

describe('forum meeting calendars and agendas through HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_meetings');
  });
  afterAll(async () => t?.close());

  /** A new forum id with Herning's calendar for 2026, scheduled; its meetings soonest first. */
  async function herningCalendar(headers = herning): Promise<{ forumId: string; meetings: Meeting[]; position: string }> {
    const forumId = randomUUID();
    const rule = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(headers).send(HERNING_MONTHLY);
    expect(rule.status).toBe(200);
    const scheduled = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(headers).send({ from: '2026-01-01', to: '2026-12-31' });
    expect(scheduled.status).toBe(200);
    return { forumId, meetings: scheduled.body.scheduled, position: scheduled.headers['x-log-position'] };
  }

  async function list(forumId: string, query: Record<string, string> = {}, minPosition?: string, headers = herning) {
    const req = http().get(`/v1/forums/${forumId}/meetings`).query(query).set(headers);
    if (minPosition) req.set('X-Min-Position', minPosition);
    return req;
  }

  describe('the meeting calendar', () => {
    it('Herning, monthly except July: 11 meetings in 2026, first Tuesdays at 14:00 local time, none in July', async () => {
      const forumId = randomUUID();
      const rule = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send(HERNING_MONTHLY);
      expect(rule.status).toBe(200);
      expect(rule.headers.etag).toBe('"1"');
      expect(rule.headers['x-log-position']).toBeDefined();
      expect(rule.body.rule).toMatchObject({ frequency: 'monthly', exceptMonths: [7], quarterMonths: null, endDate: null, timeZone: 'Europe/Copenhagen' });

      const scheduled = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' });
      expect(scheduled.status).toBe(200);
      expect(scheduled.headers.etag).toBe('"12"');
      const starts = (scheduled.body.scheduled as Meeting[]).map((m) => m.startsAt);
      expect(starts).toEqual([
        '2026-01-06T14:00:00+01:00',
        '2026-02-03T14:00:00+01:00',
        '2026-03-03T14:00:00+01:00',
        '2026-04-07T14:00:00+02:00',
        '2026-05-05T14:00:00+02:00',
        '2026-06-02T14:00:00+02:00',
        '2026-08-04T14:00:00+02:00',
        '2026-09-01T14:00:00+02:00',
        '2026-10-06T14:00:00+02:00',
        '2026-11-03T14:00:00+01:00',
        '2026-12-01T14:00:00+01:00',
      ]);

      // scheduling the same year again adds nothing and writes nothing
      const again = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' });
      expect(again.status).toBe(200);
      expect(again.body.scheduled).toEqual([]);
      expect(again.body.meetings).toHaveLength(11);
      expect(again.headers.etag).toBe('"12"');
      expect(again.headers['x-log-position']).toBeUndefined();

      const listed = await list(forumId, {}, scheduled.headers['x-log-position']);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((m: Meeting) => m.startsAt)).toEqual(starts);
      expect(listed.body.items.some((m: Meeting) => m.startsAt.slice(5, 7) === '07')).toBe(false);
      expect(listed.body.items.every((m: Meeting) => m.status === 'scheduled' && m.origin === 'recurrence')).toBe(true);

      const first = scheduled.body.scheduled[0] as Meeting;
      const one = await http().get(`/v1/meetings/${first.meetingId}`).set(herning);
      expect(one.status).toBe(200);
      expect(one.headers.etag).toBe('"12"');
      expect(one.body).toEqual({ ...first, cancellationReason: null, timeZone: 'Europe/Copenhagen' });

      const rules = await http().get(`/v1/forums/${forumId}/meeting-rule`).set(herning);
      expect(rules.status).toBe(200);
      expect(rules.body.rule.dayRule).toEqual({ kind: 'nth_weekday', n: 1, weekday: 2 });
    });

    it('RISO, quarterly: the last Tuesday of March, June, September and December', async () => {
      const forumId = randomUUID();
      expect((await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send(RISO_QUARTERLY)).status).toBe(200);
      const scheduled = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' });
      expect(scheduled.status).toBe(200);
      expect(scheduled.body.scheduled.map((m: Meeting) => [m.plannedDate, m.startsAt, m.endsAt])).toEqual([
        ['2026-03-31', '2026-03-31T09:00:00+02:00', '2026-03-31T10:30:00+02:00'],
        ['2026-06-30', '2026-06-30T09:00:00+02:00', '2026-06-30T10:30:00+02:00'],
        ['2026-09-29', '2026-09-29T09:00:00+02:00', '2026-09-29T10:30:00+02:00'],
        ['2026-12-29', '2026-12-29T09:00:00+01:00', '2026-12-29T10:30:00+01:00'],
      ]);
    });

    it('moves, cancels and holds meetings; a cancelled or held meeting is history; list filters by date and status', async () => {
      const { forumId, meetings } = await herningCalendar();
      const [january, , march, , may] = meetings;

      const stale = await http()
        .post(`/v1/forums/${forumId}/meetings/${march.meetingId}/move`)
        .set(herning)
        .set('If-Match', '"1"')
        .send({ date: '2026-03-10', time: '09:00', reason: 'The chair is away' });
      expectProblem(stale, 409);
      expect(stale.body.currentVersion).toBe(12);

      const moved = await http()
        .post(`/v1/forums/${forumId}/meetings/${march.meetingId}/move`)
        .set(herning)
        .set('If-Match', '"12"')
        .send({ date: '2026-03-10', time: '09:00', reason: 'The chair is away' });
      expect(moved.status).toBe(200);
      expect(moved.headers.etag).toBe('"13"');
      expect(moved.body).toMatchObject({ meetingId: march.meetingId, plannedDate: '2026-03-03', startsAt: '2026-03-10T09:00:00+01:00', endsAt: '2026-03-10T11:00:00+01:00' });

      const cancelled = await http().post(`/v1/forums/${forumId}/meetings/${may.meetingId}/cancel`).set(herning).send({ reason: 'Nothing to decide' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Nothing to decide' });

      const held = await http().post(`/v1/forums/${forumId}/meetings/${january.meetingId}/held`).set(herning);
      expect(held.status).toBe(200);
      expect(held.body.status).toBe('held');

      expectProblem(await http().post(`/v1/forums/${forumId}/meetings/${may.meetingId}/cancel`).set(herning).send({ reason: 'Again' }), 409);
      const moveHeld = await http().post(`/v1/forums/${forumId}/meetings/${january.meetingId}/move`).set(herning).send({ date: '2026-01-08', time: '10:00', reason: 'x' });
      expectProblem(moveHeld, 409);
      expect(moveHeld.body.currentStatus).toBe('held');

      // scheduling again does not revive the cancelled meeting
      const again = await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' });
      expect(again.body.scheduled).toEqual([]);
      const position = held.headers['x-log-position'];

      const onlyCancelled = await list(forumId, { status: 'cancelled' }, position);
      expect(onlyCancelled.body.items.map((m: Meeting) => m.meetingId)).toEqual([may.meetingId]);
      const spring = await list(forumId, { from: '2026-03-01', to: '2026-05-31', status: 'scheduled,held' }, position);
      expect(spring.body.items.map((m: Meeting & { moveReason: string }) => [m.startsAt, m.moveReason])).toEqual([
        ['2026-03-10T09:00:00+01:00', 'The chair is away'],
        ['2026-04-07T14:00:00+02:00', null],
      ]);
      const firstPage = await list(forumId, { limit: '4' }, position);
      expect(firstPage.body.items).toHaveLength(4);
      const secondPage = await list(forumId, { limit: '100', cursor: firstPage.body.nextCursor });
      expect(secondPage.body.items).toHaveLength(7);
      expect(secondPage.body.nextCursor).toBeNull();
    });

    it('adds an extra meeting; a retry with the same Idempotency-Key replays it; the same slot again is a 409', async () => {
      const { forumId } = await herningCalendar();
      const body = { date: '2026-07-14', time: '10:00', reason: 'Budget follow-up' };
      const first = await http().post(`/v1/forums/${forumId}/meetings`).set(herning).set('Idempotency-Key', `extra-${forumId}`).send(body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ origin: 'extra', startsAt: '2026-07-14T10:00:00+02:00', endsAt: '2026-07-14T12:00:00+02:00', status: 'scheduled' });
      expect(first.headers.location).toBe(`/v1/meetings/${first.body.meetingId}`);

      const retry = await http().post(`/v1/forums/${forumId}/meetings`).set(herning).set('Idempotency-Key', `extra-${forumId}`).send(body);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);

      const duplicate = await http().post(`/v1/forums/${forumId}/meetings`).set(herning).send(body);
      expectProblem(duplicate, 409);
      const july = await list(forumId, { from: '2026-07-01', to: '2026-07-31' }, first.headers['x-log-position']);
      expect(july.body.items.map((m: Meeting) => m.meetingId)).toEqual([first.body.meetingId]);
    });

    it('answers bad input with problem+json naming the fields, and changes nothing', async () => {
      const forumId = randomUUID();
      const shape = await http()
        .put(`/v1/forums/${forumId}/meeting-rule`)
        .set(herning)
        .send({ ...HERNING_MONTHLY, frequency: 'weekly', dayRule: { kind: 'nth_weekday', n: 5, weekday: 9 }, time: '2pm', exceptMonths: [13], colour: 'red' });
      expectProblem(shape, 400, ['frequency', 'dayRule.n', 'dayRule.weekday', 'time', 'exceptMonths', 'colour']);

      const zone = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send({ ...HERNING_MONTHLY, timeZone: 'Mars/Olympus_Mons' });
      expectProblem(zone, 422, ['timeZone']);
      const quarters = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send({ ...RISO_QUARTERLY, quarterMonths: [1, 2, 3, 4] });
      expectProblem(quarters, 422, ['quarterMonths']);
      const allExcepted = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send({ ...RISO_QUARTERLY, exceptMonths: [3, 6, 9, 12] });
      expectProblem(allExcepted, 422, ['exceptMonths']);
      const ends = await http().put(`/v1/forums/${forumId}/meeting-rule`).set(herning).send({ ...HERNING_MONTHLY, endDate: '2025-12-31' });
      expectProblem(ends, 422, ['endDate']);

      // nothing was written: the calendar still has no rule
      expectProblem(await http().get(`/v1/forums/${forumId}/meeting-rule`).set(herning), 404);
      expectProblem(await http().post(`/v1/forums/${forumId}/meetings/schedule`).set(herning).send({ from: '2026-01-01', to: '2026-12-31' }), 409);

      const { forumId: calendar, meetings } = await herningCalendar();
      expectProblem(await http().post(`/v1/forums/${calendar}/meetings/schedule`).set(herning).send({ from: '2026-12-31', to: '2026-01-01' }), 422, ['to']);
      expectProblem(await http().post(`/v1/forums/${calendar}/meetings/schedule`).set(herning).send({ from: '2026-02-30', to: '2026-03-01' }), 422, ['from']);
      expectProblem(await http().post(`/v1/forums/${calendar}/meetings/schedule`).set(herning).send({ from: 'soon' }), 400, ['from', 'to']);
      const noReason = await http().post(`/v1/forums/${calendar}/meetings/${meetings[1].meetingId}/move`).set(herning).send({ date: '2026-02-10', time: '25:00', reason: ' ' });
      expectProblem(noReason, 400, ['reason']);
      const noDay = await http().post(`/v1/forums/${calendar}/meetings/${meetings[1].meetingId}/move`).set(herning).send({ date: '2026-02-30', time: '10:00', reason: 'x' });
      expectProblem(noDay, 422, ['date']);
      const badHour = await http().post(`/v1/forums/${calendar}/meetings/${meetings[1].meetingId}/move`).set(herning).send({ date: '2026-02-10', time: '25:00', reason: 'x' });
      expectProblem(badHour, 422, ['time']);
      expectProblem(await http().post(`/v1/forums/${calendar}/meetings`).set(herning).send({ date: '2026-02-11', time: '10:00', timeZone: 'Nowhere/City' }), 422, ['timeZone']);
      expectProblem(await http().post(`/v1/forums/${calendar}/meetings/${randomUUID()}/cancel`).set(herning).send({ reason: 'x' }), 404);
      expectProblem(await http().get(`/v1/meetings/not-a-uuid`).set(herning), 404, ['meetingId']);
      expectProblem(await http().get(`/v1/meetings/${randomUUID()}`).set(herning), 404);
      expectProblem(await http().get(`/v1/forums/${calendar}/meetings?status=postponed&limit=0`).set(herning), 400, ['status', 'limit']);
      expectProblem(await http().put(`/v1/forums/${calendar}/meeting-rule`).set(herning).set('If-Match', 'yesterday').send(HERNING_MONTHLY), 400, ['If-Match']);
      expect((await http().get(`/v1/meetings/${meetings[1].meetingId}`).set(herning)).body.startsAt).toBe('2026-02-03T14:00:00+01:00');
    });
  });

  describe('organisation scope', () => {
    it("another organisation neither sees nor changes a forum's calendar, meetings or agenda: 404", async () => {
      const { forumId, meetings, position } = await herningCalendar();
      const meetingId = meetings[0].meetingId;
      expect((await http().post(`/v1/meetings/${meetingId}/agenda`).set(herning)).status).toBe(201);

      const answers = await Promise.all([
        http().get(`/v1/forums/${forumId}/meeting-rule`).set(viborg),
        http().put(`/v1/forums/${forumId}/meeting-rule`).set(viborg).send(RISO_QUARTERLY),
        http().post(`/v1/forums/${forumId}/meetings/schedule`).set(viborg).send({ from: '2027-01-01', to: '2027-12-31' }),
        http().post(`/v1/forums/${forumId}/meetings`).set(viborg).send({ date: '2026-07-15', time: '10:00' }),
        http().post(`/v1/forums/${forumId}/meetings/${meetingId}/cancel`).set(viborg).send({ reason: 'Viborg was here' }),
        http().get(`/v1/forums/${forumId}/meetings`).set(viborg).set('X-Min-Position', position),
        http().get(`/v1/meetings/${meetingId}`).set(viborg),
        http().post(`/v1/meetings/${meetings[1].meetingId}/agenda`).set(viborg),
        http().get(`/v1/meetings/${meetingId}/agenda`).set(viborg),
        http().post(`/v1/meetings/${meetingId}/agenda/items`).set(viborg).send({ kind: 'information', title: 'Viborg news' }),
        http().post(`/v1/meetings/${meetingId}/agenda/freeze`).set(viborg),
        http().get(`/v1/meetings/${meetingId}/agenda/revisions/1`).set(viborg),
      ]);
      for (const res of answers) expectProblem(res, 404);

      // and nothing changed for Herning
      const agenda = await http().get(`/v1/meetings/${meetingId}/agenda`).set(herning);
      expect(agenda.body).toMatchObject({ status: 'draft', items: [], version: 1 });
      expect((await http().get(`/v1/forums/${forumId}/meeting-rule`).set(herning)).headers.etag).toBe('"12"');
    });
  });

  describe('agendas', () => {
    async function proposal(title: string, headers = herning): Promise<string> {
      return (await draft(t, { ...SUBMITTABLE, title, departmentId: 'citizen-service' }, headers)).body.id;
    }

    it('prepares, edits with If-Match, freezes a server-assembled pack that later amendments cannot touch, reopens into revision 2', async () => {
      const { meetings } = await herningCalendar();
      const meeting = meetings[2];
      const base = `/v1/meetings/${meeting.meetingId}/agenda`;
      const mail = await proposal('Digital mail for citizens');
      const booking = await proposal('Room booking');

      const prepared = await http().post(base).set(herning).set('Idempotency-Key', `prepare-${meeting.meetingId}`);
      expect(prepared.status).toBe(201);
      expect(prepared.headers.etag).toBe('"1"');
      expect(prepared.body).toMatchObject({ meetingId: meeting.meetingId, forumId: meeting.forumId, status: 'draft', revision: 1, items: [], frozenRevisions: [] });
      const replay = await http().post(base).set(herning).set('Idempotency-Key', `prepare-${meeting.meetingId}`);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expectProblem(await http().post(base).set(herning), 409);

      const decision = await http().post(`${base}/items`).set(herning).send({ kind: 'decision', title: 'Approve digital mail', proposalId: mail, decisionAsked: 'approve' });
      expect(decision.status).toBe(201);
      const decisionItemId = decision.headers.location.split('/').pop();
      const info = await http().post(`${base}/items`).set(herning).send({ kind: 'information', title: 'Status of the IT strategy' });
      const followUp = await http().post(`${base}/items`).set(herning).send({ kind: 'follow_up', title: 'Room booking pilot', proposalId: booking, position: 1 });
      expect(followUp.headers.etag).toBe('"4"');
      expect(followUp.body.items.map((i: { title: string }) => i.title)).toEqual(['Room booking pilot', 'Approve digital mail', 'Status of the IT strategy']);
      const infoItemId = info.headers.location.split('/').pop();

      // rule violations name the request's fields
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'decision', title: 'Approve what?', decisionAsked: 'approve' }), 422, ['proposalId']);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'information', title: 'FYI', decisionAsked: 'approve' }), 422, ['decisionAsked']);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'decision', title: 'Again', proposalId: mail, decisionAsked: 'reject' }), 409);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'follow_up', title: 'Unknown', proposalId: randomUUID() }), 422, ['proposalId']);
      const viborgProposal = await proposal('Viborg own', viborg);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'follow_up', title: 'Not ours', proposalId: viborgProposal }), 422, ['proposalId']);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'briefing', title: '', position: 0 }), 400, ['kind', 'title', 'position']);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'information', title: 'Far away', position: 9 }), 422, ['position']);

      // removing and reordering need If-Match
      expectProblem(await http().delete(`${base}/items/${infoItemId}`).set(herning), 428, ['If-Match']);
      const staleDelete = await http().delete(`${base}/items/${infoItemId}`).set(herning).set('If-Match', '"2"');
      expectProblem(staleDelete, 409);
      expect(staleDelete.body.currentVersion).toBe(4);
      expectProblem(await http().put(`${base}/items/order`).set(herning).send({ itemIds: [] }), 428);
      expectProblem(await http().put(`${base}/items/order`).set(herning).set('If-Match', '"4"').send({ itemIds: [decisionItemId] }), 422, ['itemIds']);
      const reordered = await http()
        .put(`${base}/items/order`)
        .set(herning)
        .set('If-Match', '"4"')
        .send({ itemIds: [decisionItemId, infoItemId, followUp.body.items[0].itemId] });
      expect(reordered.status).toBe(200);
      expect(reordered.headers.etag).toBe('"5"');
      const removed = await http().delete(`${base}/items/${infoItemId}`).set(herning).set('If-Match', '"5"');
      expect(removed.status).toBe(200);
      expect(removed.body.items.map((i: { itemId: string; order: number }) => [i.itemId, i.order])).toEqual([
        [decisionItemId, 1],
        [followUp.body.items[0].itemId, 2],
      ]);
      expectProblem(await http().delete(`${base}/items/${infoItemId}`).set(herning).set('If-Match', '"6"'), 404);

      // sources the server cannot find: no pool, no scoring model bound
      expectProblem(await http().post(`${base}/freeze`).set(herning).send({ fundingPoolId: 'development-pool-2026' }), 422, ['fundingPoolId']);
      expectProblem(await http().post(`${base}/freeze`).set(herning).send({ scoringModelId: 'herning-importance' }), 422, ['scoringModelId']);
      expectProblem(await http().post(`${base}/reopen`).set(herning).send({ reason: 'Not frozen yet' }), 409);

      const frozen = await http().post(`${base}/freeze`).set(herning).send({});
      expect(frozen.status).toBe(201);
      expect(frozen.headers.location).toBe(`${base}/revisions/1`);
      expect(frozen.headers.etag).toBe('"7"');
      const revision1 = frozen.body;
      expect(revision1).toMatchObject({ revision: 1, standing: true, verified: true, hashAlgorithm: 'sha256', canonicalisation: 'sorted-keys-json-v1' });
      expect(revision1.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(verifyPack(revision1.pack, revision1.contentHash)).toBe(true);
      expect(revision1.pack).toMatchObject({
        meeting: { meetingId: meeting.meetingId, forumId: meeting.forumId, startsAt: '2026-03-03T14:00:00+01:00' },
        scoringModel: null,
        fundingPool: null,
        prioritisedRequests: [],
        unprioritisedRequests: [],
      });
      expect(revision1.pack.items).toHaveLength(2);
      expect(revision1.pack.items[0]).toMatchObject({
        itemId: decisionItemId,
        order: 1,
        kind: 'decision',
        decisionAsked: 'approve',
        proposalId: mail,
        scores: null,
        proposal: { proposalId: mail, version: 1, content: { title: 'Digital mail for citizens', status: 'draft', form: { title: 'Digital mail for citizens' } } },
      });
      expect(revision1.pack.items[1]).toMatchObject({ kind: 'follow_up', proposal: { proposalId: booking, version: 1 } });

      // once frozen, items cannot change
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'information', title: 'Late item' }), 409);
      expectProblem(await http().delete(`${base}/items/${decisionItemId}`).set(herning).set('If-Match', '"7"'), 409);
      const lateOrder = await http().put(`${base}/items/order`).set(herning).set('If-Match', '"7"').send({ itemIds: [followUp.body.items[0].itemId, decisionItemId] });
      expectProblem(lateOrder, 409);
      expect(lateOrder.body.currentStatus).toBe('frozen');

      // freezing again with nothing changed is a no-op
      const retried = await http().post(`${base}/freeze`).set(herning);
      expect(retried.status).toBe(200);
      expect(retried.body.contentHash).toBe(revision1.contentHash);
      expect(retried.headers.etag).toBe('"7"');

      // the proposal is amended after the freeze: the frozen pack and its hash stay as the forum saw them
      const amended = await http().patch(`/v1/proposals/${mail}`).set(herning).set('If-Match', '"1"').send({ title: 'Digital mail for citizens and businesses' });
      expect(amended.status).toBe(200);
      const readBack = await http().get(`${base}/revisions/1`).set(herning);
      expect(readBack.status).toBe(200);
      expect(readBack.body.contentHash).toBe(revision1.contentHash);
      expect(readBack.body.verified).toBe(true);
      expect(readBack.body.pack).toEqual(revision1.pack);
      expect(readBack.body.pack.items[0].proposal.content.title).toBe('Digital mail for citizens');
      // and a freeze now would say something else, so it is refused until the agenda is reopened
      expectProblem(await http().post(`${base}/freeze`).set(herning), 409);

      expectProblem(await http().post(`${base}/reopen`).set(herning).send({}), 400, ['reason']);
      expectProblem(await http().post(`${base}/reopen`).set(herning).set('If-Match', '"6"').send({ reason: 'x' }), 409);
      const reopened = await http().post(`${base}/reopen`).set(herning).set('If-Match', '"7"').send({ reason: 'The digital mail proposal was amended' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'draft', revision: 2 });

      const refrozen = await http().post(`${base}/freeze`).set(herning).send({});
      expect(refrozen.status).toBe(201);
      expect(refrozen.body).toMatchObject({ revision: 2, standing: true, verified: true });
      expect(refrozen.body.contentHash).not.toBe(revision1.contentHash);
      expect(refrozen.body.pack.items[0].proposal).toMatchObject({ version: 2, content: { title: 'Digital mail for citizens and businesses' } });

      const [one, two, three] = await Promise.all([1, 2, 3].map((n) => http().get(`${base}/revisions/${n}`).set(herning)));
      expect(one.body).toMatchObject({ revision: 1, standing: false, verified: true, contentHash: revision1.contentHash, reopenReason: 'The digital mail proposal was amended' });
      expect(one.body.pack).toEqual(revision1.pack);
      expect(two.body).toMatchObject({ revision: 2, standing: true, verified: true, contentHash: refrozen.body.contentHash, reopenReason: null });
      expectProblem(three, 404);
      expectProblem(await http().get(`${base}/revisions/zero`).set(herning), 404, ['revision']);

      const agenda = await http().get(base).set(herning);
      expect(agenda.status).toBe(200);
      expect(agenda.headers.etag).toBe('"9"');
      expect(agenda.body).toMatchObject({ status: 'frozen', revision: 2, version: 9 });
      expect(agenda.body.frozenRevisions.map((r: { revision: number; contentHash: string; standing: boolean; frozenBy: string }) => [r.revision, r.contentHash, r.standing, r.frozenBy])).toEqual([
        [1, revision1.contentHash, false, 'anna@herning.dk'],
        [2, refrozen.body.contentHash, true, 'anna@herning.dk'],
      ]);

      // the forum's calendar list shows where the meeting's agenda stands
      const listed = await list(meeting.forumId, { from: '2026-03-01', to: '2026-03-31' }, refrozen.headers['x-log-position']);
      expect(listed.body.items[0].agenda).toEqual({ status: 'frozen', revision: 2, itemCount: 2, frozenRevisions: 2, latestContentHash: refrozen.body.contentHash });
    });

    it('an agenda needs a meeting of the organisation, and a prepared agenda to change', async () => {
      expectProblem(await http().post(`/v1/meetings/${randomUUID()}/agenda`).set(herning), 404);
      const { meetings } = await herningCalendar();
      const base = `/v1/meetings/${meetings[3].meetingId}/agenda`;
      expectProblem(await http().get(base).set(herning), 404);
      expectProblem(await http().post(`${base}/items`).set(herning).send({ kind: 'information', title: 'Too early' }), 404);
      expectProblem(await http().post(`${base}/freeze`).set(herning), 404);
      expectProblem(await http().delete(`${base}/items/x`).set(herning).set('If-Match', '"3"'), 404);
    });
  });
});
