import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { EVENT_STORE, type EventStore, type NewEvent } from '../../libs/event-store/index.js';
import { AdjustFundingPoolAmountCommand, CommitFundingCommand } from '../../libs/funding/application/funding-pool-commands.js';
import { fundingPoolStream } from '../../libs/funding/application/funding-pool-id.js';
import { FundingPoolEventType } from '../../libs/funding/domain/index.js';
import { TakeDecisionCommand } from '../../libs/governance/decisions/application/decision-commands.js';
import { ProjectEventType, projectStream } from '../../libs/governance/domain/decisions/index.js';
import { testMetadata } from '../support/actor.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const ORG = 'kompensation';
const pmo = actorHeaders('pia@kompensation.dk', ORG, 'programme_office');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' as const });
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const MEMBERS = ['karen', 'ole', 'mette'];
const FOR_ALL = MEMBERS.map((memberId) => ({ memberId, vote: 'for' as const }));
const POOL_AMOUNT = dkk(5_000_000);
const FUNDING = dkk(600_000);

/** Today in Copenhagen, moved by whole days: the meetings lie after today, so the test reads the same any day. */
function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A funding approval commits pool money first and records the decision second. When the second write fails, the
 * money must not stay committed, and when it did succeed, the money must not be released. Each failure is forced at
 * the exact moment it matters through test seams on the command bus and the event store (spies that call through),
 * on the real service and a real PostgreSQL database.
 */
describe('a funding approval whose decision is not recorded releases its commitment', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let store: EventStore;
  let bus: CommandBus;
  let forumId: string;
  let poolId: string;
  let fundingMeeting: string;
  const proposals: string[] = [];

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  async function meetingWithFrozenAgenda(date: string, items: string[], fundingPoolId?: string): Promise<string> {
    const meetingId = (await ok(http().post(`/v1/forums/${forumId}/meetings`).set(pmo).send({ date, time: '10:00' }), 201)).body.meetingId as string;
    await ok(http().post(`/v1/meetings/${meetingId}/agenda`).set(pmo), 201);
    for (const proposalId of items) {
      await ok(http().post(`/v1/meetings/${meetingId}/agenda/items`).set(pmo).send({ kind: 'decision', title: `Decide ${proposalId}`, proposalId, decisionAsked: 'approve' }), 201);
    }
    await ok(http().post(`/v1/meetings/${meetingId}/agenda/freeze`).set(pmo).send(fundingPoolId ? { fundingPoolId } : {}), 201);
    return meetingId;
  }

  const fund = (proposalId: string) =>
    http().post(`/v1/meetings/${fundingMeeting}/decisions`).set(pmo).send({
      proposalId,
      kind: 'approve',
      rationale: 'The business case holds',
      agendaRevision: 1,
      votes: FOR_ALL,
      amount: FUNDING,
      poolId,
    });

  const pool = async () => (await ok(http().get(`/v1/funding-pools/${poolId}`).set(pmo), 200)).body;
  const project = async (proposalId: string) => (await ok(http().get(`/v1/projects/${proposalId}`).set(pmo), 200)).body;
  const poolEvents = async () => (await store.readStream(fundingPoolStream(poolId))).map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, reason: e.metadata.reason }));

  /** Lets every command through, and calls `after` once the first funding commitment is made. */
  function afterTheCommitment(after: (commitment: CommitFundingCommand) => Promise<unknown>) {
    const execute = bus.execute.bind(bus);
    let done = false;
    jest.spyOn(bus, 'execute').mockImplementation(async (command: unknown) => {
      const result = await execute(command as never);
      if (command instanceof CommitFundingCommand && !done) {
        done = true;
        await after(command);
      }
      return result;
    });
    return execute;
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_compensation');
    store = t.app.get<EventStore>(EVENT_STORE);
    bus = t.app.get(CommandBus);
    await ok(http().post('/v1/organisations').set(pmo).send({ id: ORG, name: 'Kompensation Kommune', kind: 'municipality' }), 201);
    const mandate = { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null };
    const rule = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
    forumId = (await ok(http().post('/v1/forums').set(pmo).send({ name: 'Styregruppen', kind: 'steering_group', mandate, decisionRule: rule }), 201)).body.id;
    for (const [index, memberId] of MEMBERS.entries()) {
      const member = { memberId, person: { name: memberId }, role: index === 0 ? 'chair' : 'member', from: day(0) };
      await ok(http().post(`/v1/forums/${forumId}/members`).set(pmo).send(member), 201);
    }
    const modelId = (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId, template: 'herning_default' }), 201)).body.id;
    const year = Number(day(2).slice(0, 4));
    poolId = (await ok(http().post('/v1/funding-pools').set(pmo).send({ forumId, year, name: `Udviklingspuljen ${year}`, amount: POOL_AMOUNT }), 201)).body.id;
    let last = '';
    for (const title of ['Digital mail', 'Room booking', 'Payroll robot']) {
      const id = (await draft(t, { ...SUBMITTABLE, title, departmentId: 'it' }, pmo)).body.id as string;
      await ok(http().post(`/v1/proposals/${id}/submit`).set(pmo), 200);
      const scores = { legal_requirement: 4, faces_citizens_or_businesses: 4, gain_for_the_business: 4, expected_economic_gain: 4 };
      last = (await ok(http().post(`/v1/proposals/${id}/scores`).set(pmo).send({ assessorKind: 'department', forumId, modelId, modelVersion: 1, scores }), 201)).headers['x-log-position'];
      proposals.push(id);
    }
    // the agenda is assembled from the ranking read model: let it catch up with the last score
    await ok(http().get(`/v1/forums/${forumId}/ranking`).set(pmo).set('X-Min-Position', last), 200);
    const analysisMeeting = await meetingWithFrozenAgenda(day(1), proposals);
    for (const proposalId of proposals) {
      const body = { proposalId, kind: 'approve', rationale: 'Analyse it', agendaRevision: 1, votes: FOR_ALL };
      await ok(http().post(`/v1/meetings/${analysisMeeting}/decisions`).set(pmo).send(body), 201);
    }
    fundingMeeting = await meetingWithFrozenAgenda(day(2), proposals, poolId);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => t?.close());

  it('another decision on the project gets in between the commitment and the decision: 409, and the money is released', async () => {
    const [mail] = proposals;
    let failedDecision = '';
    const execute = afterTheCommitment(async (commitment) => {
      failedDecision = commitment.commitment.decisionId;
      // the concurrent decision: the forum asks for changes to the same project, moving its stream
      const changes = { proposalId: mail, kind: 'request_changes' as const, rationale: 'Split the costs', agendaRevision: 1, votes: FOR_ALL, requestedChanges: 'Split development and operations' };
      await execute(new TakeDecisionCommand(fundingMeeting, ORG, randomUUID(), changes, testMetadata({ actor: { subject: 'ole@kompensation.dk', roles: ['forum_chair'], organisationId: ORG } })));
    });

    const refused = await fund(mail);

    expectProblem(refused, 409);
    expect(refused.body.currentVersion).toEqual(expect.any(Number));
    expect(failedDecision).not.toBe('');
    const after = await pool();
    expect(after).toMatchObject({ committed: dkk(0), available: POOL_AMOUNT });
    expect(after.commitments).toEqual([
      expect.objectContaining({ commitmentId: failedDecision, decisionId: failedDecision, proposalId: mail, amount: FUNDING, status: 'released' }),
    ]);
    const events = await poolEvents();
    expect(events.slice(1).map((e) => e.type)).toEqual([FundingPoolEventType.Committed, FundingPoolEventType.CommitmentReleased]);
    expect(events[2].reason).toBe(
      `compensation: decision ${failedDecision} was not recorded (another decision on the project was recorded first); its commitment is released`,
    );
    const stillInAnalysis = await project(mail);
    expect(stillInAnalysis).toMatchObject({ status: 'analysis', committed: null });
    expect(stillInAnalysis.decisions.map((d: { kind: string }) => d.kind)).toEqual(['approve', 'request_changes']);
    expect(stillInAnalysis.decisions.map((d: { decisionId: string }) => d.decisionId)).not.toContain(failedDecision);

    // asked again, on the project as it now stands, the forum's approval goes through and commits once
    jest.restoreAllMocks();
    const funded = await ok(fund(mail), 201);
    expect(await pool()).toMatchObject({ committed: FUNDING, available: dkk(4_400_000) });
    expect(await project(mail)).toMatchObject({ status: 'execution', committed: FUNDING });
    expect(funded.body).toMatchObject({ from: 'analysis', to: 'execution', amount: FUNDING, poolId });
  });

  it('the release itself loses a race with another write to the pool: it is tried again, and the money still returns', async () => {
    const [, booking] = proposals;
    const before = await pool();
    const execute = afterTheCommitment(async () => {
      const changes = { proposalId: booking, kind: 'reprioritise' as const, rationale: 'Behind the mail project', agendaRevision: 1, votes: FOR_ALL, priorityNote: 'Rank 2' };
      await execute(new TakeDecisionCommand(fundingMeeting, ORG, randomUUID(), changes, testMetadata()));
    });
    // the first release finds the pool moved under it by a concurrent adjustment of its amount
    const append = store.append.bind(store);
    let adjusted = false;
    jest.spyOn(store, 'append').mockImplementation(async (streamId: string, events: readonly NewEvent[], options) => {
      if (!adjusted && streamId === fundingPoolStream(poolId) && events.some((e) => e.type === FundingPoolEventType.CommitmentReleased)) {
        adjusted = true;
        await execute(new AdjustFundingPoolAmountCommand(poolId, ORG, dkk(5_100_000), 'Budget agreement', undefined, testMetadata()));
      }
      return append(streamId, events, options);
    });

    expectProblem(await fund(booking), 409);

    expect(adjusted).toBe(true);
    const after = await pool();
    expect(after).toMatchObject({ amount: dkk(5_100_000), committed: before.committed });
    expect(after.commitments.filter((c: { proposalId: string }) => c.proposalId === booking)).toEqual([expect.objectContaining({ status: 'released' })]);
    const types = (await poolEvents()).slice(-3).map((e) => e.type);
    expect(types).toEqual([FundingPoolEventType.Committed, FundingPoolEventType.AmountAdjusted, FundingPoolEventType.CommitmentReleased]);
    expect(await project(booking)).toMatchObject({ status: 'analysis', committed: null });
  });

  it('an append that wrote the decision but lost its answer releases nothing: the decision stands with its money', async () => {
    const [, , payroll] = proposals;
    const before = await pool();
    const append = store.append.bind(store);
    jest.spyOn(store, 'append').mockImplementation(async (streamId: string, events: readonly NewEvent[], options) => {
      const result = await append(streamId, events, options);
      if (streamId === projectStream(payroll) && events.some((e) => e.type === ProjectEventType.DecisionTaken)) {
        throw new Error('connection terminated after the write');
      }
      return result;
    });

    expectProblem(await fund(payroll), 500);

    jest.restoreAllMocks();
    const after = await pool();
    expect(after.committed).toEqual({ amountMinor: before.committed.amountMinor + FUNDING.amountMinor, currency: 'DKK' });
    expect(after.commitments.filter((c: { proposalId: string }) => c.proposalId === payroll)).toEqual([expect.objectContaining({ status: 'active', amount: FUNDING })]);
    expect((await poolEvents()).at(-1)!.type).toBe(FundingPoolEventType.Committed);
    expect(await project(payroll)).toMatchObject({ status: 'execution', committed: FUNDING });
  });
});
