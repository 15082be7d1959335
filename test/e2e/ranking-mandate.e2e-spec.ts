import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { verifyPack } from '../../libs/governance/domain/agendas/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, SUBMITTABLE } from '../support/proposals.js';

const ORG = 'mandate-town';
const pmo = actorHeaders('pia@mandate-town.dk', ORG, 'programme_office');
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const RULE = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const same = (score: number) => ({ legal_requirement: score, faces_citizens_or_businesses: score, gain_for_the_business: score, expected_economic_gain: score });
const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

/**
 * A forum ranks the requests within its mandate: the investment areas and departments it names (none named: all).
 * One organisation, two forums: the digital-workplace board (one area) and the steering group (the whole
 * organisation); proposals in several areas and departments, one stating no area.
 */
describe("a forum's ranking holds the requests within its mandate", () => {
  let t: TestApp;
  const http = () => request(t.server);
  let board: string;
  let steeringGroup: string;
  let lastWrite: string;
  let boardRanking: request.Response;

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  const establish = async (name: string, investmentAreas: string[]) => {
    const mandate = { decisionKinds: ALL_KINDS, investmentAreas, departmentIds: [], maximumAmount: null };
    return (await ok(http().post('/v1/forums').set(pmo).send({ name, kind: 'steering_group', mandate, decisionRule: RULE }), 201)).body.id as string;
  };
  const ranking = (forumId: string, minPosition = lastWrite) => ok(http().get(`/v1/forums/${forumId}/ranking`).set(pmo).set('X-Min-Position', minPosition), 200);

  beforeAll(async () => {
    t = await startTestApp('e2e_ranking_mandate');
    await ok(http().post('/v1/organisations').set(pmo).send({ id: ORG, name: 'Mandate Town', kind: 'municipality' }), 201);
    for (const id of ['it', 'social']) await ok(http().post(`/v1/organisations/${ORG}/departments`).set(pmo).send({ id, name: id }), 201);
    board = await establish('Digital arbejdsplads', ['digital_workplace']);
    steeringGroup = await establish('Styregruppen', []);
    const models = {
      [board]: (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId: board, template: 'herning_default' }), 201)).body.id,
      [steeringGroup]: (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId: steeringGroup, template: 'herning_default' }), 201)).body.id,
    };
    const proposals: [string, string | null, string, number | null][] = [
      ['Laptops for case workers', 'digital_workplace', 'it', 4],
      ['Shared calendars for care staff', 'digital_workplace', 'social', 3],
      ['Citizen self-service', 'service_to_citizens_and_businesses', 'it', 5],
      ['Area not stated', null, 'it', 4],
      ['Intranet, not yet scored', 'digital_workplace', 'it', null],
    ];
    for (const [title, investmentArea, departmentId, score] of proposals) {
      const id = (await draft(t, { ...SUBMITTABLE, title, departmentId, investmentArea }, pmo)).body.id as string;
      lastWrite = (await ok(http().post(`/v1/proposals/${id}/submit`).set(pmo), 200)).headers['x-log-position'];
      if (score === null) continue;
      for (const forumId of [board, steeringGroup]) {
        const body = { assessorKind: 'department', forumId, modelId: models[forumId], modelVersion: 1, scores: same(score) };
        lastWrite = (await ok(http().post(`/v1/proposals/${id}/scores`).set(pmo).send(body), 201)).headers['x-log-position'];
      }
    }
  });
  afterAll(async () => t?.close());

  it('a forum whose mandate is one area ranks only that area, and states the selection', async () => {
    boardRanking = await ranking(board);
    expect(titles(boardRanking.body.rows)).toEqual(['Laptops for case workers', 'Shared calendars for care staff']);
    expect(titles(boardRanking.body.unscored)).toEqual(['Intranet, not yet scored']);
    expect(boardRanking.body).toMatchObject({
      forumId: board,
      selection: 'submitted_proposals_within_the_forum_mandate',
      mandateScope: { investmentAreas: ['digital_workplace'], departmentIds: [] },
    });
  });

  it('a forum whose mandate names no area and no department ranks the whole organisation', async () => {
    const all = await ranking(steeringGroup);
    expect(titles(all.body.rows)).toEqual(['Citizen self-service', 'Laptops for case workers', 'Area not stated', 'Shared calendars for care staff']);
    expect(all.body).toMatchObject({ selection: 'all_submitted_proposals_of_the_organisation', mandateScope: { investmentAreas: [], departmentIds: [] } });
  });

  it('the agenda frozen for the forum holds its ranking: only the requests within the mandate, under the same hash', async () => {
    const meetingId = (await ok(http().post(`/v1/forums/${board}/meetings`).set(pmo).send({ date: '2031-03-04', time: '10:00' }), 201)).body.meetingId;
    await ok(http().post(`/v1/meetings/${meetingId}/agenda`).set(pmo), 201);
    const laptops = boardRanking.body.rows[0].proposalId;
    await ok(http().post(`/v1/meetings/${meetingId}/agenda/items`).set(pmo).send({ kind: 'decision', title: 'Laptops', proposalId: laptops, decisionAsked: 'approve' }), 201);
    const frozen = (await ok(http().post(`/v1/meetings/${meetingId}/agenda/freeze`).set(pmo).send({}), 201)).body;
    expect(verifyPack(frozen.pack, frozen.contentHash)).toBe(true);
    expect(titles(frozen.pack.prioritisedRequests)).toEqual(titles(boardRanking.body.rows));
    expect(titles(frozen.pack.unprioritisedRequests)).toEqual(['Intranet, not yet scored']);
    expect(frozen.pack.scoringModel.rankingInputsHash).toBe(boardRanking.body.basis.inputsHash);
  });

  it('is the same on every read, and rebuilt from the log it is identical', async () => {
    expect((await ranking(board)).body).toEqual(boardRanking.body);
    await t.app.get(ProjectionRuntime).rebuild('forum_rankings');
    expect((await ranking(board)).body).toEqual(boardRanking.body);
  });

  it('a change of mandate takes effect for the rankings from then on', async () => {
    const forum = await ok(http().get(`/v1/forums/${board}`).set(pmo), 200);
    const mandate = { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: ['social'], maximumAmount: null, reason: 'The board now serves the social department' };
    const amended = await ok(http().put(`/v1/forums/${board}/mandate`).set(pmo).set('If-Match', forum.headers.etag).send(mandate), 200);

    const narrowed = await ranking(board, amended.headers['x-log-position']);
    expect(titles(narrowed.body.rows)).toEqual(['Shared calendars for care staff']);
    expect(narrowed.body.unscored).toEqual([]);
    expect(narrowed.body).toMatchObject({ selection: 'submitted_proposals_within_the_forum_mandate', mandateScope: { investmentAreas: [], departmentIds: ['social'] } });
    expect(narrowed.body.basis.inputsHash).not.toBe(boardRanking.body.basis.inputsHash);

    // the forum's read model follows the mandate's events from the log, so a rebuild gives the same
    await t.app.get(ProjectionRuntime).rebuild('forum_rankings');
    expect((await ranking(board)).body).toEqual(narrowed.body);
  });
});
