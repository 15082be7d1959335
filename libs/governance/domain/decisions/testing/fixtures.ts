/** Builders for the decisions domain's tests. Not part of the public API. */
import type { CastVote, DecisionKind, DecisionRule, Mandate, Vote } from '../../forums/index.js';
import type { Money } from '../../../../shared-kernel/money.js';
import { deciderSpec } from '../../../../shared-kernel/testing/given-when-then.js';
import { ProjectCommandType, type ProjectCommand, type TakeDecision } from '../commands.js';
import type { DecidingForum, DecisionAgenda } from '../decision-basis.js';
import { ProjectEventType, type ProjectEvent } from '../events.js';
import { DEFAULT_GATE_RULE_SET } from '../gate-rules.js';
import { projectDecider } from '../project-decider.js';
import type { ProjectStage } from '../project-lifecycle.js';

export const given = deciderSpec(projectDecider);

export const PROPOSAL_ID = 'proposal-1';
export const ORGANISATION_ID = 'herning';
export const FORUM_ID = 'herning-steering-group';
export const PARENT_FORUM_ID = 'herning-directorate';
export const MEETING_ID = 'meeting-2025-03';
export const HELD_ON = '2025-03-12';
export const NEXT_MEETING_ID = 'meeting-2025-04';
export const POOL_ID = 'herning-development-pool';
export const CONTENT_HASH = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';

export function dkk(kroner: number): Money {
  return { amountMinor: kroner * 100, currency: 'DKK' };
}

export const MANDATE: Mandate = {
  investmentAreas: [],
  departmentIds: [],
  decisionKinds: ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'],
  maximumAmount: dkk(2_000_000),
};

export const SIMPLE_MAJORITY: DecisionRule = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
export const CONSENSUS: DecisionRule = { kind: 'consensus', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };

/** The chair and three members vote; the secretary does not. */
export const MEMBERS = ['anne', 'bo', 'carl', 'dina'] as const;

export function aForum(overrides: Partial<DecidingForum> = {}): DecidingForum {
  return {
    forumId: FORUM_ID,
    parentForumId: PARENT_FORUM_ID,
    mandate: MANDATE,
    decisionRule: SIMPLE_MAJORITY,
    votingMembers: [
      { memberId: 'anne', role: 'chair' },
      { memberId: 'bo', role: 'member' },
      { memberId: 'carl', role: 'member' },
      { memberId: 'dina', role: 'member' },
    ],
    ...overrides,
  };
}

export function anAgenda(overrides: Partial<DecisionAgenda> = {}, proposal: Partial<DecisionAgenda['proposal']> = {}): DecisionAgenda {
  return {
    meetingId: MEETING_ID,
    revision: 2,
    contentHash: CONTENT_HASH,
    frozen: true,
    itemProposalIds: [PROPOSAL_ID, 'proposal-7'],
    proposal: {
      rank: 1,
      weightedScore: '62.50',
      hasBusinessCase: true,
      benefitOwnerId: 'benefit-owner-citizen-service',
      departmentId: 'citizen-service',
      investmentArea: 'service_to_citizens_and_businesses',
      ...proposal,
    },
    fundingPool: { poolId: POOL_ID, available: dkk(1_800_000) },
    ...overrides,
  };
}

/** Every voting member votes the same way. */
export function everyone(vote: Vote): CastVote[] {
  return MEMBERS.map((memberId) => ({ memberId, vote }));
}

export function votes(...cast: Vote[]): CastVote[] {
  return cast.map((vote, i) => ({ memberId: MEMBERS[i], vote }));
}

/** What each kind needs besides the common fields, with the funding approval's amount for `approve`. */
export function termsFor(kind: DecisionKind, fundingApproval = false): Partial<TakeDecision['data']> {
  switch (kind) {
    case 'approve':
      return fundingApproval ? { amount: dkk(600_000), poolId: POOL_ID } : {};
    case 'defer':
      return { deferredToMeetingId: NEXT_MEETING_ID };
    case 'request_changes':
      return { requestedChanges: 'Split development and operations costs' };
    case 'reprioritise':
      return { priorityNote: 'Moved to rank 3 after the national strategy' };
    default:
      return {};
  }
}

export function takeDecision(kind: DecisionKind, overrides: Partial<TakeDecision['data']> = {}): TakeDecision {
  return {
    type: ProjectCommandType.TakeDecision,
    data: {
      proposalId: PROPOSAL_ID,
      decisionId: `decision-${kind}`,
      kind,
      rationale: `The steering group decided to ${kind}`,
      forum: aForum(),
      meeting: { meetingId: MEETING_ID, heldOn: HELD_ON },
      agenda: anAgenda(),
      votes: everyone('for'),
      gateRuleSets: [DEFAULT_GATE_RULE_SET],
      ...overrides,
    },
  };
}

export function enterPortfolio(): ProjectCommand {
  return { type: ProjectCommandType.EnterPortfolio, data: { proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, title: 'Digital mail for citizens' } };
}

export function enteredPortfolio(): ProjectEvent {
  return {
    type: ProjectEventType.EnteredPortfolio,
    data: { proposalId: PROPOSAL_ID, organisationId: ORGANISATION_ID, title: 'Digital mail for citizens', stage: 'idea' },
  };
}

/** The history of a project approved stage by stage up to `stage` (the funding approval commits DKK 600,000). */
export function historyAt(stage: ProjectStage): ProjectEvent[] {
  const order: ProjectStage[] = ['idea', 'analysis', 'execution', 'realisation', 'closed'];
  let state = projectDecider.initialState();
  const history: ProjectEvent[] = [];
  const apply = (command: ProjectCommand) => {
    const events = projectDecider.decide(command, state);
    history.push(...events);
    state = events.reduce(projectDecider.evolve, state);
  };
  apply(enterPortfolio());
  for (let i = 0; i < order.indexOf(stage); i += 1) {
    apply(takeDecision('approve', { decisionId: `approval-${i + 1}`, ...termsFor('approve', order[i] === 'analysis') }));
  }
  return history;
}

/** Plays commands on the decider; returns the events of each and the final state. */
export function play(history: readonly ProjectEvent[], ...commands: ProjectCommand[]) {
  let state = history.reduce(projectDecider.evolve, projectDecider.initialState());
  const events: ProjectEvent[] = [];
  for (const command of commands) {
    const decided = projectDecider.decide(command, state);
    events.push(...decided);
    state = decided.reduce(projectDecider.evolve, state);
  }
  return { events, state };
}
