import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DECISION_KINDS, type DecisionKind } from '../forums/index.js';
import { hashAgendaPack } from '../agendas/index.js';
import { aPack, DIGITAL_MAIL } from '../agendas/testing-fixtures.js';
import { ProjectCommandType, type ProjectCommand } from './commands.js';
import { decisionAgendaFrom } from './decision-basis.js';
import { DomainError } from './errors.js';
import { ProjectEventType, type ProjectEvent } from './events.js';
import { DEFAULT_GATE_RULE_SET } from './gate-rules.js';
import { nextGate } from './next-gate.js';
import { projectDecider, projectStream } from './project-decider.js';
import { lifecycleMove, PROJECT_POSITIONS, PROJECT_STAGES, type ProjectPosition, type ProjectStage } from './project-lifecycle.js';
import type { ExistingProject } from './project-state.js';
import { anAgenda, dkk, enteredPortfolio, historyAt, play, POOL_ID, takeDecision, termsFor, votes } from './testing/fixtures.js';

describe('lifecycleMove', () => {
  it.each<[ProjectPosition, ProjectStage, DecisionKind | 'withdraw' | 'cancel', boolean, ProjectPosition | null]>([
    ['idea', 'idea', 'approve', true, 'analysis'],
    ['analysis', 'analysis', 'approve', true, 'execution'],
    ['execution', 'execution', 'approve', true, 'realisation'],
    ['realisation', 'realisation', 'approve', true, 'closed'],
    ['closed', 'closed', 'approve', false, null],
    ['analysis', 'analysis', 'reject', true, 'rejected'],
    ['execution', 'execution', 'reject', false, 'rejected'],
    ['realisation', 'realisation', 'defer', true, 'deferred'],
    ['deferred', 'analysis', 'approve', true, 'execution'],
    ['deferred', 'analysis', 'reprioritise', true, 'analysis'],
    ['deferred', 'execution', 'withdraw', false, 'withdrawn'],
    ['execution', 'execution', 'close', true, 'cancelled'],
    ['realisation', 'realisation', 'close', true, 'closed'],
    ['execution', 'execution', 'cancel', true, 'cancelled'],
    ['realisation', 'realisation', 'cancel', false, 'cancelled'],
    ['withdrawn', 'analysis', 'escalate', false, 'withdrawn'],
  ])('from %s (stage %s), %s: allowed %s, to %s', (position, stage, action, allowed, to) => {
    expect(lifecycleMove(position, stage, action)).toEqual({ allowed, to });
  });
});

describe('the lifecycle: properties', () => {
  // Approvals weigh more, so that sequences get past the first stages.
  const kind = fc.oneof({ weight: 2, arbitrary: fc.constant<DecisionKind>('approve') }, { weight: 1, arbitrary: fc.constantFrom(...DECISION_KINDS) });
  const ballot = fc.oneof(
    { weight: 3, arbitrary: fc.constant(votes('for', 'for', 'for', 'for')) },
    { weight: 1, arbitrary: fc.constantFrom(votes('for', 'for', 'against', 'against'), votes('for')) },
  );
  const score = fc.constantFrom('35.00', '40.00', '80.00', null);
  const decision = fc.record({ kind, ballot, score, amountKroner: fc.integer({ min: 1, max: 2_500_000 }), withFunding: fc.boolean() });
  const action = fc.oneof(
    { weight: 10, arbitrary: decision.map((d) => ({ type: 'decision' as const, ...d })) },
    { weight: 1, arbitrary: fc.constantFrom({ type: 'withdraw' as const }, { type: 'cancel' as const }) },
  );

  type Step = typeof action extends fc.Arbitrary<infer T> ? T : never;

  function toCommand(step: Step, i: number): ProjectCommand {
    if (step.type === 'withdraw') return { type: ProjectCommandType.Withdraw, data: { proposalId: 'proposal-1', reason: 'no longer needed' } };
    if (step.type === 'cancel') return { type: ProjectCommandType.Cancel, data: { proposalId: 'proposal-1', reason: 'stopped' } };
    const meetingId = `meeting-${i}`;
    return takeDecision(step.kind, {
      decisionId: `decision-${i}`,
      meeting: { meetingId, heldOn: '2025-03-12' },
      agenda: anAgenda({ meetingId }, { weightedScore: step.score }),
      votes: step.ballot,
      ...termsFor(step.kind),
      ...(step.kind === 'defer' ? { deferredToMeetingId: `meeting-${i + 1}` } : {}),
      ...(step.kind === 'approve' && step.withFunding ? { amount: dkk(step.amountKroner), poolId: POOL_ID } : {}),
    });
  }

  it('any sequence of decisions, valid or refused, keeps the project in the state machine and its money in step', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (steps) => {
        let state = projectDecider.evolve(projectDecider.initialState(), enteredPortfolio());
        const history: ProjectEvent[] = [enteredPortfolio()];
        steps.forEach((step, i) => {
          let events: ProjectEvent[];
          try {
            events = projectDecider.decide(toCommand(step, i), state);
          } catch (error) {
            // A refusal is a domain error and records nothing.
            expect(error).toBeInstanceOf(DomainError);
            return;
          }
          const before = state as ExistingProject;
          state = events.reduce(projectDecider.evolve, state);
          history.push(...events);
          const after = state as ExistingProject;
          expect(PROJECT_POSITIONS).toContain(after.status);
          reached.add(after.status);
          expect(PROJECT_STAGES).toContain(after.stage);
          // Stages only move forward, one at a time.
          const moved = PROJECT_STAGES.indexOf(after.stage) - PROJECT_STAGES.indexOf(before.stage);
          expect(moved === 0 || moved === 1).toBe(true);
          if ((PROJECT_STAGES as readonly string[]).includes(after.status)) expect(after.stage).toBe(after.status);
          // Every move is allowed by the lifecycle from where the project was.
          for (const event of events) {
            if (event.type === ProjectEventType.StageChanged) expect(event.data.from).toBe(before.status);
          }
        });
        const project = state as ExistingProject;
        const approved = history.flatMap((event) =>
          event.type === ProjectEventType.DecisionTaken && event.data.kind === 'approve' && event.data.amount !== null ? [event.data.amount.amountMinor] : [],
        );
        expect(project.committed?.amountMinor ?? 0).toBe(approved.reduce((sum, amount) => sum + amount, 0));
        // Every decision is in the history once, carried or not.
        const recorded = history.filter((event) => event.type === ProjectEventType.DecisionTaken || event.type === ProjectEventType.DecisionNotReached);
        expect(project.decisions.map((d) => d.decisionId)).toEqual(recorded.map((event) => (event.data as { decisionId: string }).decisionId));
        // Replaying the history gives the same state.
        expect(history.reduce(projectDecider.evolve, projectDecider.initialState())).toEqual(state);
      }),
      { numRuns: 1000 },
    );
    // The sequences explore the whole machine, not only its first stage.
    expect([...reached].sort()).toEqual([...PROJECT_POSITIONS].sort());
  });
});

describe('nextGate', () => {
  it('describes the next gate under the rules given', () => {
    expect(nextGate(projectDecider.initialState())).toBeNull();
    expect(nextGate(play(historyAt('analysis')).state)).toEqual({
      transition: 'analysis->execution',
      from: 'analysis',
      to: 'execution',
      deferred: false,
      ruleSetVersion: 1,
      rule: DEFAULT_GATE_RULE_SET.gates['analysis->execution'],
      description:
        'analysis -> execution: an approval by a forum at a meeting; states the amount and the funding pool; ' +
        'a weighted score of at least 40.00; a business case above DKK 500000.00',
    });
    expect(nextGate(play(historyAt('execution')).state)?.description).toBe('execution -> realisation: an approval by a forum at a meeting; a named benefit owner');
    expect(nextGate(play(historyAt('closed')).state)).toBeNull();
  });

  it('says when the project waits to be taken up again', () => {
    const { state } = play(historyAt('idea'), takeDecision('defer', termsFor('defer')));
    expect(nextGate(state)).toMatchObject({ from: 'idea', to: 'analysis', deferred: true });
    expect(nextGate(state)?.description).toBe(
      'idea -> analysis: an approval by a forum at a meeting; a weighted score; deferred to meeting meeting-2025-04, to be taken up again',
    );
  });
});

describe('decisionAgendaFrom', () => {
  it('takes the basis from a frozen revision of the agenda', () => {
    const pack = aPack();
    const frozen = { revision: 1, pack, contentHash: hashAgendaPack(pack), hashAlgorithm: 'sha256', canonicalisation: 'sorted-keys-json-v1', reopenReason: null } as const;
    const agenda = decisionAgendaFrom(frozen, DIGITAL_MAIL.proposalId!, true, { weightedScore: '75.00', hasBusinessCase: true, benefitOwnerId: 'owner' });
    expect(agenda).toEqual({
      meetingId: pack.meeting.meetingId,
      revision: 1,
      contentHash: frozen.contentHash,
      frozen: true,
      itemProposalIds: ['proposal-1', 'proposal-7'],
      proposal: { rank: 1, weightedScore: '75.00', hasBusinessCase: true, benefitOwnerId: 'owner', departmentId: 'citizen-service', investmentArea: null },
      fundingPool: { poolId: 'herning-development-pool', available: dkk(1_800_000) },
    });
    expect(decisionAgendaFrom({ ...frozen, reopenReason: 'new numbers' }, 'proposal-1', true, { weightedScore: null, hasBusinessCase: false, benefitOwnerId: null }).frozen).toBe(false);
  });
});

describe('projectStream', () => {
  it('is one stream per proposal', () => {
    expect(projectStream('proposal-1')).toBe('project-proposal-1');
  });
});
