import { describe, expect, it } from '@jest/globals';
import { DECISION_KINDS, MandateExceeded, NoParentForum, NotAVotingMember, tallyVotes, type DecisionKind } from '../forums/index.js';
import { ProjectCommandType, type ProjectCommand, type TakeDecision } from './commands.js';
import {
  AgendaMeetingMismatch,
  DecisionAgendaNotFrozen,
  DecisionAlreadyRecorded,
  DecisionNotOnAgenda,
  GateNotPassed,
  InsufficientPoolBalance,
  InvalidProjectCommand,
  InvalidStageTransition,
  NoGateRuleSetInForce,
  ProjectAlreadyInPortfolio,
  ProjectNotFound,
} from './errors.js';
import { ProjectEventType, type DecisionTaken, type ProjectEvent } from './events.js';
import { DEFAULT_GATE_RULE_SET, type GateRuleSet } from './gate-rules.js';
import {
  aForum,
  anAgenda,
  CONSENSUS,
  CONTENT_HASH,
  dkk,
  enteredPortfolio,
  enterPortfolio,
  everyone,
  FORUM_ID,
  given,
  HELD_ON,
  historyAt,
  MANDATE,
  MEETING_ID,
  NEXT_MEETING_ID,
  ORGANISATION_ID,
  PARENT_FORUM_ID,
  play,
  POOL_ID,
  PROPOSAL_ID,
  SIMPLE_MAJORITY,
  takeDecision,
  termsFor,
  votes,
} from './testing/fixtures.js';

const stageChanged = (from: string, to: string, decisionId: string | null): ProjectEvent =>
  ({ type: ProjectEventType.StageChanged, data: { proposalId: PROPOSAL_ID, from, to, decisionId } }) as ProjectEvent;

/** The events a command gives on a history (for specs that look at one field of a long event). */
function decided(history: readonly ProjectEvent[], command: ProjectCommand): ProjectEvent[] {
  return play(history, command).events;
}

function taken(history: readonly ProjectEvent[], command: ProjectCommand): DecisionTaken['data'] {
  const event = decided(history, command)[0];
  if (event.type !== ProjectEventType.DecisionTaken) throw new Error(`expected DecisionTaken, got ${event.type}`);
  return event.data;
}

describe('EnterPortfolio', () => {
  it('puts a submitted proposal in the portfolio at the idea stage, once', () => {
    const state = given([]).when(enterPortfolio()).then([enteredPortfolio()]);
    expect(state).toMatchObject({ status: 'idea', stage: 'idea', proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, committed: null, decisions: [] });
    given([enteredPortfolio()]).when(enterPortfolio()).then(new ProjectAlreadyInPortfolio(PROPOSAL_ID));
  });

  it('needs a title', () => {
    given([])
      .when({ type: ProjectCommandType.EnterPortfolio, data: { proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, title: ' ' } })
      .then(new InvalidProjectCommand('title', 'must not be empty'));
  });
});

describe('TakeDecision: approve', () => {
  it('moves an idea to analysis and records the whole basis', () => {
    const command = takeDecision('approve');
    const tally = tallyVotes(SIMPLE_MAJORITY, aForum().votingMembers, everyone('for'));
    const state = given([enteredPortfolio()])
      .when(command)
      .then([
        {
          type: ProjectEventType.DecisionTaken,
          data: {
            proposalId: PROPOSAL_ID,
            decisionId: 'decision-approve',
            kind: 'approve',
            rationale: 'The steering group decided to approve',
            from: 'idea',
            to: 'analysis',
            amount: null,
            poolId: null,
            deferredToMeetingId: null,
            requestedChanges: null,
            priorityNote: null,
            escalatedToForumId: null,
            basis: {
              forum: {
                forumId: FORUM_ID,
                parentForumId: PARENT_FORUM_ID,
                mandate: MANDATE,
                decisionRule: SIMPLE_MAJORITY,
                votingMembers: aForum().votingMembers,
              },
              meeting: { meetingId: MEETING_ID, heldOn: HELD_ON },
              agenda: {
                meetingId: MEETING_ID,
                revision: 2,
                contentHash: CONTENT_HASH,
                proposal: anAgenda().proposal,
                fundingPool: { poolId: POOL_ID, available: dkk(1_800_000) },
              },
              votes: everyone('for'),
              tally,
              mandateCheck: {
                allowed: true,
                // An approval committing no money is checked as committing zero.
                matter: {
                  kind: 'approve',
                  amount: dkk(0),
                  area: 'service_to_citizens_and_businesses',
                  departmentId: 'citizen-service',
                },
              },
              gateRules: { version: 1, effectiveFrom: '2000-01-01', transition: 'idea->analysis', rule: { requiresScoring: true } },
            },
          },
        },
        stageChanged('idea', 'analysis', 'decision-approve'),
      ]);
    expect(tally.outcome).toBe('carried');
    expect(state).toMatchObject({
      status: 'analysis',
      stage: 'analysis',
      decisions: [
        {
          decisionId: 'decision-approve',
          kind: 'approve',
          outcome: 'carried',
          forumId: FORUM_ID,
          meetingId: MEETING_ID,
          heldOn: HELD_ON,
          agendaRevision: 2,
          from: 'idea',
          to: 'analysis',
        },
      ],
    });
  });

  it('approves funding from analysis to execution with an amount from a pool, and commits it', () => {
    const command = takeDecision('approve', { amount: dkk(600_000), poolId: POOL_ID });
    const data = taken(historyAt('analysis'), command);
    expect(data).toMatchObject({
      from: 'analysis',
      to: 'execution',
      amount: dkk(600_000),
      poolId: POOL_ID,
      basis: {
        mandateCheck: { allowed: true, matter: { kind: 'approve', amount: dkk(600_000) } },
        gateRules: { version: 1, transition: 'analysis->execution', rule: DEFAULT_GATE_RULE_SET.gates['analysis->execution'] },
      },
    });
    const { state, events } = play(historyAt('analysis'), command);
    expect(events.map((event) => event.type)).toEqual([ProjectEventType.DecisionTaken, ProjectEventType.StageChanged]);
    expect(state).toMatchObject({
      status: 'execution',
      committed: dkk(600_000),
      fundingApprovals: [{ decisionId: 'decision-approve', poolId: POOL_ID, amount: dkk(600_000) }],
    });
  });

  it('moves execution to realisation and realisation to closed', () => {
    expect(decided(historyAt('execution'), takeDecision('approve'))[1]).toEqual(stageChanged('execution', 'realisation', 'decision-approve'));
    expect(decided(historyAt('realisation'), takeDecision('approve'))[1]).toEqual(stageChanged('realisation', 'closed', 'decision-approve'));
  });

  it('needs the amount and the pool for the funding approval, and refuses money on any other decision', () => {
    given(historyAt('analysis'))
      .when(takeDecision('approve', { poolId: POOL_ID }))
      .then(new InvalidProjectCommand('amount', 'the funding approval (analysis to execution) must state the amount'));
    given(historyAt('analysis'))
      .when(takeDecision('approve', { amount: dkk(600_000) }))
      .then(new InvalidProjectCommand('poolId', 'the funding approval (analysis to execution) must name the pool'));
    given(historyAt('analysis'))
      .when(takeDecision('approve', { amount: dkk(0), poolId: POOL_ID }))
      .then(new InvalidProjectCommand('amount.amountMinor', 'must be a positive whole number of minor units'));
    given([enteredPortfolio()])
      .when(takeDecision('approve', { amount: dkk(600_000), poolId: POOL_ID }))
      .then(new InvalidProjectCommand('amount', 'only the funding approval (analysis to execution) commits money'));
    given(historyAt('analysis'))
      .when(takeDecision('reject', { amount: dkk(600_000) }))
      .then(new InvalidProjectCommand('amount', 'only an approval commits money'));
  });

  it('refuses an approval above the pool balance the pack showed', () => {
    given(historyAt('analysis'))
      .when(takeDecision('approve', { amount: dkk(1_900_000), poolId: POOL_ID }))
      .then(new InsufficientPoolBalance(POOL_ID, dkk(1_900_000), dkk(1_800_000)));
    // Exactly the balance is enough.
    expect(taken(historyAt('analysis'), takeDecision('approve', { amount: dkk(1_800_000), poolId: POOL_ID })).amount).toEqual(dkk(1_800_000));
  });

  it('leaves the balance check to the pool when the pack showed no balance of that pool', () => {
    const noPool = takeDecision('approve', { amount: dkk(1_900_000), poolId: POOL_ID, agenda: anAgenda({ fundingPool: null }) });
    expect(taken(historyAt('analysis'), noPool).amount).toEqual(dkk(1_900_000));
  });

  it('refuses an amount in another currency than the pool', () => {
    given(historyAt('analysis'))
      .when(
        takeDecision('approve', {
          amount: { amountMinor: 100, currency: 'EUR' },
          poolId: POOL_ID,
          forum: aForum({ mandate: { ...MANDATE, maximumAmount: null } }),
        }),
      )
      .then(new InvalidProjectCommand('amount.currency', `must be DKK, the currency of pool ${POOL_ID}`));
  });
});

describe('TakeDecision: the other kinds', () => {
  it('rejects an idea or a proposal in analysis, but not a funded project', () => {
    given([enteredPortfolio()])
      .when(takeDecision('reject'))
      .then([expect.objectContaining({ type: ProjectEventType.DecisionTaken }) as never, stageChanged('idea', 'rejected', 'decision-reject')]);
    expect(decided(historyAt('analysis'), takeDecision('reject'))[1]).toEqual(stageChanged('analysis', 'rejected', 'decision-reject'));
    given(historyAt('execution')).when(takeDecision('reject')).then(new InvalidStageTransition('execution', 'rejected', 'reject'));
  });

  it('defers to a named meeting; the project resumes at its stage when taken up again', () => {
    const deferral = takeDecision('defer', termsFor('defer'));
    const { events, state } = play(historyAt('analysis'), deferral);
    expect(events[0]).toMatchObject({ type: ProjectEventType.DecisionTaken, data: { to: 'deferred', deferredToMeetingId: NEXT_MEETING_ID } });
    expect(events[1]).toEqual(stageChanged('analysis', 'deferred', 'decision-defer'));
    expect(state).toMatchObject({ status: 'deferred', stage: 'analysis', deferredToMeetingId: NEXT_MEETING_ID });

    const deferredHistory = [...historyAt('analysis'), ...events];
    const nextMeeting = { meeting: { meetingId: NEXT_MEETING_ID, heldOn: '2025-04-09' }, agenda: anAgenda({ meetingId: NEXT_MEETING_ID }) };
    const resumed = play(deferredHistory, takeDecision('approve', { ...nextMeeting, ...termsFor('approve', true) }));
    expect(resumed.events[1]).toEqual(stageChanged('deferred', 'execution', 'decision-approve'));
    expect(resumed.state).toMatchObject({ status: 'execution', stage: 'execution', deferredToMeetingId: null, committed: dkk(600_000) });

    // Taken up without a move: back at its stage.
    const changes = play(deferredHistory, takeDecision('request_changes', { ...nextMeeting, ...termsFor('request_changes') }));
    expect(changes.events[1]).toEqual(stageChanged('deferred', 'analysis', 'decision-request_changes'));

    // Deferred again: stays deferred, to the new meeting, without a stage change.
    const again = play(deferredHistory, takeDecision('defer', { ...nextMeeting, decisionId: 'defer-2', deferredToMeetingId: 'meeting-2025-05' }));
    expect(again.events.map((event) => event.type)).toEqual([ProjectEventType.DecisionTaken]);
    expect(again.state).toMatchObject({ status: 'deferred', deferredToMeetingId: 'meeting-2025-05' });

    // A funding approval judged as from analysis; a rejection still possible.
    expect(decided(deferredHistory, takeDecision('reject', nextMeeting))[1]).toEqual(stageChanged('deferred', 'rejected', 'decision-reject'));
  });

  it('needs the meeting a deferral goes to, and not the deciding one', () => {
    given(historyAt('analysis')).when(takeDecision('defer')).then(new InvalidProjectCommand('deferredToMeetingId', 'must not be empty'));
    given(historyAt('analysis'))
      .when(takeDecision('defer', { deferredToMeetingId: MEETING_ID }))
      .then(new InvalidProjectCommand('deferredToMeetingId', 'a deferral names a later meeting, not the one deciding'));
    given(historyAt('analysis'))
      .when(takeDecision('reject', { deferredToMeetingId: NEXT_MEETING_ID }))
      .then(new InvalidProjectCommand('deferredToMeetingId', 'only a decision to defer states it'));
  });

  it('asks for changes: the stage stays, the changes are recorded', () => {
    const { events, state } = play(historyAt('analysis'), takeDecision('request_changes', termsFor('request_changes')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: ProjectEventType.DecisionTaken,
      data: { from: 'analysis', to: 'analysis', requestedChanges: 'Split development and operations costs' },
    });
    expect(state).toMatchObject({ status: 'analysis', requestedChanges: 'Split development and operations costs' });
    given(historyAt('analysis')).when(takeDecision('request_changes')).then(new InvalidProjectCommand('requestedChanges', 'must not be empty'));
  });

  it('escalates to the parent forum with the reason recorded; the stage stays', () => {
    const { events, state } = play(historyAt('analysis'), takeDecision('escalate', { rationale: 'DKK 3m is beyond our mandate' }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: ProjectEventType.DecisionTaken,
      data: { kind: 'escalate', from: 'analysis', to: 'analysis', escalatedToForumId: PARENT_FORUM_ID, rationale: 'DKK 3m is beyond our mandate' },
    });
    expect(state).toMatchObject({
      status: 'analysis',
      escalation: { decisionId: 'decision-escalate', toForumId: PARENT_FORUM_ID, reason: 'DKK 3m is beyond our mandate' },
    });
  });

  it('cannot escalate from a forum without a parent', () => {
    given(historyAt('analysis'))
      .when(takeDecision('escalate', { forum: aForum({ parentForumId: null }) }))
      .then(new NoParentForum(FORUM_ID));
  });

  it('reprioritises with a note, without a stage change', () => {
    const { events, state } = play(historyAt('execution'), takeDecision('reprioritise', termsFor('reprioritise')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ data: { kind: 'reprioritise', priorityNote: 'Moved to rank 3 after the national strategy' } });
    expect(state).toMatchObject({ status: 'execution', priorityNote: 'Moved to rank 3 after the national strategy' });
    given(historyAt('execution')).when(takeDecision('reprioritise')).then(new InvalidProjectCommand('priorityNote', 'must not be empty'));
  });

  it('closes a realised project; closing before realisation cancels it', () => {
    expect(decided(historyAt('realisation'), takeDecision('close'))[1]).toEqual(stageChanged('realisation', 'closed', 'decision-close'));
    expect(decided(historyAt('execution'), takeDecision('close'))[1]).toEqual(stageChanged('execution', 'cancelled', 'decision-close'));
    expect(decided([enteredPortfolio()], takeDecision('close'))[1]).toEqual(stageChanged('idea', 'cancelled', 'decision-close'));
  });

  it.each<[string, ProjectEvent[], DecisionKind, InvalidStageTransition]>([
    ['approve a closed project', historyAt('closed'), 'approve', new InvalidStageTransition('closed', null, 'approve')],
    ['close a closed project', historyAt('closed'), 'close', new InvalidStageTransition('closed', 'closed', 'close')],
    ['reject a project in realisation', historyAt('realisation'), 'reject', new InvalidStageTransition('realisation', 'rejected', 'reject')],
  ])('refuses to %s, naming from and to', (_, history, kind, error) => {
    given(history).when(takeDecision(kind, termsFor(kind))).then(error);
  });

  it('takes no decision on a rejected project', () => {
    const rejected = [...historyAt('analysis'), ...decided(historyAt('analysis'), takeDecision('reject'))];
    for (const kind of DECISION_KINDS) {
      expect(() => play(rejected, takeDecision(kind, { decisionId: `late-${kind}`, ...termsFor(kind) }))).toThrow(InvalidStageTransition);
    }
    given(rejected).when(takeDecision('request_changes', termsFor('request_changes'))).then(
      new InvalidStageTransition('rejected', 'rejected', 'request_changes'),
    );
  });
});

describe('TakeDecision: what every decision needs', () => {
  it('refuses a project not in the portfolio, a decision id used before, a blank rationale', () => {
    given([]).when(takeDecision('approve')).then(new ProjectNotFound(PROPOSAL_ID));
    given(historyAt('analysis'))
      .when(takeDecision('request_changes', { decisionId: 'approval-1', ...termsFor('request_changes') }))
      .then(new DecisionAlreadyRecorded('approval-1'));
    given([enteredPortfolio()]).when(takeDecision('approve', { rationale: '  ' })).then(new InvalidProjectCommand('rationale', 'must not be empty'));
  });

  it('is taken on a standing frozen agenda of the same meeting, with the proposal on it', () => {
    given([enteredPortfolio()])
      .when(takeDecision('approve', { agenda: anAgenda({ frozen: false }) }))
      .then(new DecisionAgendaNotFrozen(MEETING_ID, 2));
    given([enteredPortfolio()])
      .when(takeDecision('approve', { agenda: anAgenda({ meetingId: NEXT_MEETING_ID }) }))
      .then(new AgendaMeetingMismatch(MEETING_ID, NEXT_MEETING_ID));
    given([enteredPortfolio()])
      .when(takeDecision('approve', { agenda: anAgenda({ itemProposalIds: ['proposal-7'] }) }))
      .then(new DecisionNotOnAgenda(PROPOSAL_ID, MEETING_ID, 2));
  });

  it('refuses a decision outside the mandate, recording nothing', () => {
    const advisory = aForum({ mandate: { ...MANDATE, decisionKinds: ['request_changes'] } });
    given([enteredPortfolio()])
      .when(takeDecision('approve', { forum: advisory }))
      .then(new MandateExceeded(FORUM_ID, [{ code: 'decision_kind_not_mandated', kind: 'approve' }]));
    const small = aForum({ mandate: { ...MANDATE, maximumAmount: dkk(500_000) } });
    given(historyAt('analysis'))
      .when(takeDecision('approve', { forum: small, ...termsFor('approve', true) }))
      .then(new MandateExceeded(FORUM_ID, [{ code: 'amount_above_maximum', amount: dkk(600_000), maximum: dkk(500_000) }]));
    const otherDepartment = aForum({ mandate: { ...MANDATE, departmentIds: ['schools'] } });
    given([enteredPortfolio()])
      .when(takeDecision('reject', { forum: otherDepartment }))
      .then(new MandateExceeded(FORUM_ID, [{ code: 'department_not_mandated', departmentId: 'citizen-service' }]));
  });

  it('lets a forum escalate what is beyond its mandate', () => {
    const small = aForum({ mandate: { ...MANDATE, maximumAmount: dkk(500_000) } });
    const data = taken(historyAt('analysis'), takeDecision('escalate', { forum: small }));
    expect(data.escalatedToForumId).toBe(PARENT_FORUM_ID);
    expect(data.basis.mandateCheck).toEqual({
      allowed: true,
      matter: { kind: 'escalate', amount: null, area: 'service_to_citizens_and_businesses', departmentId: 'citizen-service' },
    });
  });

  it('refuses a vote by the secretary', () => {
    const forum = aForum({ votingMembers: [...aForum().votingMembers, { memberId: 'sara', role: 'secretary' }] });
    given([enteredPortfolio()])
      .when(takeDecision('approve', { forum, votes: [...everyone('for'), { memberId: 'sara', vote: 'for' }] }))
      .then(new NotAVotingMember('sara', 'secretary'));
  });
});

describe('TakeDecision: votes that decide nothing are recorded too', () => {
  it('under consensus one objection means no decision, and that outcome is recorded', () => {
    const command = takeDecision('approve', { forum: aForum({ decisionRule: CONSENSUS }), votes: votes('for', 'for', 'for', 'object') });
    const { events, state } = play([enteredPortfolio()], command);
    expect(events).toEqual([
      {
        type: ProjectEventType.DecisionNotReached,
        data: expect.objectContaining({
          decisionId: 'decision-approve',
          kind: 'approve',
          outcome: 'blocked_by_objection',
          position: 'idea',
          proposedTo: 'analysis',
          basis: expect.objectContaining({
            votes: votes('for', 'for', 'for', 'object'),
            tally: expect.objectContaining({ outcome: 'blocked_by_objection', for: 3, object: 1 }),
            agenda: expect.objectContaining({ revision: 2, contentHash: CONTENT_HASH }),
          }),
        }),
      },
    ]);
    expect(state).toMatchObject({
      status: 'idea',
      stage: 'idea',
      decisions: [{ decisionId: 'decision-approve', outcome: 'blocked_by_objection', from: 'idea', to: 'idea' }],
    });
  });

  it('records a vote without a quorum', () => {
    const { events, state } = play(historyAt('analysis'), takeDecision('reject', { votes: votes('for') }));
    expect(events).toMatchObject([{ type: ProjectEventType.DecisionNotReached, data: { outcome: 'no_quorum', basis: { tally: { present: 1, required: 2 } } } }]);
    expect(state).toMatchObject({ status: 'analysis' });
  });

  it('records a majority not reached; no money is committed', () => {
    const { events, state } = play(historyAt('analysis'), takeDecision('approve', { votes: votes('for', 'for', 'against', 'against'), ...termsFor('approve', true) }));
    expect(events).toMatchObject([{ type: ProjectEventType.DecisionNotReached, data: { outcome: 'not_carried', amount: dkk(600_000) } }]);
    expect(state).toMatchObject({ status: 'analysis', committed: null, fundingApprovals: [] });
  });
});

describe('TakeDecision: gate rules', () => {
  const funding = (overrides: Partial<TakeDecision['data']> = {}) => takeDecision('approve', { ...termsFor('approve', true), ...overrides });

  it('refuses a funding approval below the minimum weighted score, naming the rule version', () => {
    given(historyAt('analysis'))
      .when(funding({ agenda: anAgenda({}, { weightedScore: '39.99' }) }))
      .then(new GateNotPassed('analysis->execution', 1, '2000-01-01', [{ code: 'score_below_minimum', weightedScore: '39.99', minimum: '40.00' }]));
    expect(taken(historyAt('analysis'), funding({ agenda: anAgenda({}, { weightedScore: '40.00' }) })).to).toBe('execution');
  });

  it('refuses an approval of an unscored proposal, and funding above DKK 500,000 without a business case', () => {
    given([enteredPortfolio()])
      .when(takeDecision('approve', { agenda: anAgenda({}, { weightedScore: null }) }))
      .then(new GateNotPassed('idea->analysis', 1, '2000-01-01', [{ code: 'not_scored' }]));
    given(historyAt('analysis'))
      .when(funding({ agenda: anAgenda({}, { hasBusinessCase: false }) }))
      .then(
        new GateNotPassed('analysis->execution', 1, '2000-01-01', [
          { code: 'business_case_missing', amount: dkk(600_000), maximumWithoutBusinessCase: dkk(500_000) },
        ]),
      );
    expect(taken(historyAt('analysis'), funding({ amount: dkk(500_000), agenda: anAgenda({}, { hasBusinessCase: false }) })).to).toBe('execution');
  });

  it('needs a benefit owner before realisation', () => {
    given(historyAt('execution'))
      .when(takeDecision('approve', { agenda: anAgenda({}, { benefitOwnerId: null }) }))
      .then(new GateNotPassed('execution->realisation', 1, '2000-01-01', [{ code: 'benefit_owner_missing' }]));
  });

  it('judges a decision by the rule set in force on its meeting day, and the event keeps that version', () => {
    const ruleSets: GateRuleSet[] = [
      { version: 1, effectiveFrom: '2024-01-01', gates: { 'analysis->execution': { minimumWeightedScore: '40.00' } } },
      { version: 2, effectiveFrom: '2025-06-01', gates: { 'analysis->execution': { minimumWeightedScore: '70.00' } } },
    ];
    const at = (meetingId: string, heldOn: string) =>
      funding({ gateRuleSets: ruleSets, meeting: { meetingId, heldOn }, agenda: anAgenda({ meetingId }, { weightedScore: '62.50' }) });

    const march = taken(historyAt('analysis'), at(MEETING_ID, '2025-03-12'));
    expect(march.basis.gateRules).toEqual({
      version: 1,
      effectiveFrom: '2024-01-01',
      transition: 'analysis->execution',
      rule: { minimumWeightedScore: '40.00' },
    });
    given(historyAt('analysis'))
      .when(at('meeting-2025-09', '2025-09-10'))
      .then(new GateNotPassed('analysis->execution', 2, '2025-06-01', [{ code: 'score_below_minimum', weightedScore: '62.50', minimum: '70.00' }]));
    // The day the new rules take effect is judged by them.
    expect(() => play(historyAt('analysis'), at('meeting-2025-06', '2025-06-01'))).toThrow(GateNotPassed);
    // A decision taken under version 1 keeps it when replayed after version 2 took effect.
    const { state } = play([...historyAt('analysis'), ...decided(historyAt('analysis'), at(MEETING_ID, '2025-03-12'))]);
    expect(state).toMatchObject({ status: 'execution' });
  });

  it('refuses a decision when no rule set was in force on the meeting day', () => {
    const later: GateRuleSet = { ...DEFAULT_GATE_RULE_SET, effectiveFrom: '2026-01-01' };
    given([enteredPortfolio()]).when(takeDecision('approve', { gateRuleSets: [later] })).then(new NoGateRuleSetInForce(HELD_ON));
  });

  it('refuses a weighted score that is not a two-decimal score', () => {
    given([enteredPortfolio()])
      .when(takeDecision('approve', { agenda: anAgenda({}, { weightedScore: '62.5' }) }))
      .then(new InvalidProjectCommand('agenda.proposal.weightedScore', 'must be a score from "0.00" to "100.00" with two decimals, or null'));
  });
});

describe('WithdrawFromPortfolio and CancelProject', () => {
  const withdraw = (reason = 'Solved by a national solution'): ProjectCommand => ({
    type: ProjectCommandType.Withdraw,
    data: { proposalId: PROPOSAL_ID, reason },
  });
  const cancel = (reason = 'The supplier went bankrupt'): ProjectCommand => ({ type: ProjectCommandType.Cancel, data: { proposalId: PROPOSAL_ID, reason } });

  it('withdraws before funding', () => {
    const state = given(historyAt('analysis'))
      .when(withdraw())
      .then([
        { type: ProjectEventType.Withdrawn, data: { proposalId: PROPOSAL_ID, reason: 'Solved by a national solution' } },
        stageChanged('analysis', 'withdrawn', null),
      ]);
    expect(state).toMatchObject({ status: 'withdrawn', stage: 'analysis', endReason: 'Solved by a national solution' });
    given(historyAt('execution')).when(withdraw()).then(new InvalidStageTransition('execution', 'withdrawn', 'withdraw'));
    given(historyAt('analysis')).when(withdraw(' ')).then(new InvalidProjectCommand('reason', 'must not be empty'));
  });

  it('cancels before realisation', () => {
    given(historyAt('execution'))
      .when(cancel())
      .then([
        { type: ProjectEventType.Cancelled, data: { proposalId: PROPOSAL_ID, reason: 'The supplier went bankrupt' } },
        stageChanged('execution', 'cancelled', null),
      ]);
    given(historyAt('realisation')).when(cancel()).then(new InvalidStageTransition('realisation', 'cancelled', 'cancel'));
    given([]).when(cancel()).then(new ProjectNotFound(PROPOSAL_ID));
  });
});
