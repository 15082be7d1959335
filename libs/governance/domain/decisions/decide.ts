import {
  DECISION_KINDS,
  escalationTarget,
  normaliseDecisionRule,
  normaliseMandate,
  requireWithinMandate,
  tallyVotes,
  type DecisionKind,
  type MandatedMatter,
} from '../forums/index.js';
import { isCalendarDate } from '../forums/calendar-date.js';
import { CURRENCIES, type Money } from '../../../shared-kernel/money.js';
import {
  ProjectCommandType,
  type CancelProject,
  type EnterPortfolio,
  type ProjectCommand,
  type TakeDecision,
  type WithdrawFromPortfolio,
} from './commands.js';
import {
  AgendaMeetingMismatch,
  DecisionAgendaNotFrozen,
  DecisionAlreadyRecorded,
  DecisionNotOnAgenda,
  GateNotPassed,
  InsufficientPoolBalance,
  InvalidProjectCommand,
  InvalidStageTransition,
  ProjectAlreadyInPortfolio,
  ProjectNotFound,
} from './errors.js';
import { ProjectEventType, type DecisionBasis, type DecisionTerms, type ProjectEvent } from './events.js';
import { checkGate, ruleSetInForce } from './gate-rules.js';
import { FUNDING_TRANSITION, gateOf, lifecycleMove, type LifecycleAction, type ProjectPosition, type ProjectStage } from './project-lifecycle.js';
import type { ExistingProject, ProjectState } from './project-state.js';
import { isScoreDecimal } from './score-decimal.js';

/**
 * The rules of a project's lifecycle. A decision is refused (an error, nothing recorded) when it is malformed, not
 * possible where the project is, not on the standing frozen agenda of its meeting, outside the forum's mandate, short
 * of the gate rules in force on the meeting day, or above the pool's balance the pack showed. Otherwise the votes are
 * tallied under the forum's rule: carried gives DecisionTaken (and ProjectStageChanged when the project moves); any
 * other outcome gives DecisionNotReached, recorded with the same basis, and the project stays where it is.
 */
export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case ProjectCommandType.EnterPortfolio:
      return enterPortfolio(command, state);
    case ProjectCommandType.TakeDecision:
      return takeDecision(command, state);
    case ProjectCommandType.Withdraw:
      return withdraw(command, state);
    case ProjectCommandType.Cancel:
      return cancel(command, state);
  }
}

function enterPortfolio({ data }: EnterPortfolio, state: ProjectState): ProjectEvent[] {
  if (state.status !== 'none') throw new ProjectAlreadyInPortfolio(data.proposalId);
  requireText(data.proposalId, 'proposalId');
  requireText(data.organisationId, 'organisationId');
  requireText(data.title, 'title');
  const { proposalId, organisationId, title } = data;
  return [{ type: ProjectEventType.EnteredPortfolio, data: { proposalId, organisationId, title, stage: 'idea' } }];
}

function withdraw({ data }: WithdrawFromPortfolio, state: ProjectState): ProjectEvent[] {
  const project = existing(state, data.proposalId);
  const to = requireMove(project, 'withdraw');
  requireText(data.reason, 'reason');
  return [
    { type: ProjectEventType.Withdrawn, data: { proposalId: project.proposalId, reason: data.reason } },
    { type: ProjectEventType.StageChanged, data: { proposalId: project.proposalId, from: project.status, to, decisionId: null } },
  ];
}

function cancel({ data }: CancelProject, state: ProjectState): ProjectEvent[] {
  const project = existing(state, data.proposalId);
  const to = requireMove(project, 'cancel');
  requireText(data.reason, 'reason');
  return [
    { type: ProjectEventType.Cancelled, data: { proposalId: project.proposalId, reason: data.reason } },
    { type: ProjectEventType.StageChanged, data: { proposalId: project.proposalId, from: project.status, to, decisionId: null } },
  ];
}

function takeDecision({ data }: TakeDecision, state: ProjectState): ProjectEvent[] {
  const project = existing(state, data.proposalId);
  requireText(data.decisionId, 'decisionId');
  if (project.decisions.some((decision) => decision.decisionId === data.decisionId)) throw new DecisionAlreadyRecorded(data.decisionId);
  if (!(DECISION_KINDS as readonly string[]).includes(data.kind)) {
    throw new InvalidProjectCommand('kind', `must be one of ${DECISION_KINDS.join(', ')}`);
  }
  requireText(data.rationale, 'rationale');
  const { kind, forum, meeting, agenda } = data;

  // Where the decision leads; a deferred project is judged from the stage it resumes at.
  const to = requireMove(project, kind);
  const fromStage: ProjectStage = project.status === 'deferred' ? project.stage : (project.status as ProjectStage);
  const gate = project.status === to ? null : gateOf(fromStage, to);
  const isFunding = kind === 'approve' && gate === FUNDING_TRANSITION;
  const terms = decisionTerms(data, project, isFunding);

  // The basis: the standing frozen agenda of this very meeting, with the proposal on it.
  requireText(meeting.meetingId, 'meeting.meetingId');
  if (!isCalendarDate(meeting.heldOn)) throw new InvalidProjectCommand('meeting.heldOn', 'must be a date YYYY-MM-DD');
  if (!agenda.frozen) throw new DecisionAgendaNotFrozen(agenda.meetingId, agenda.revision);
  if (agenda.meetingId !== meeting.meetingId) throw new AgendaMeetingMismatch(meeting.meetingId, agenda.meetingId);
  if (!agenda.itemProposalIds.includes(project.proposalId)) throw new DecisionNotOnAgenda(project.proposalId, agenda.meetingId, agenda.revision);
  const { weightedScore } = agenda.proposal;
  if (weightedScore !== null && !isScoreDecimal(weightedScore)) {
    throw new InvalidProjectCommand('agenda.proposal.weightedScore', 'must be a score from "0.00" to "100.00" with two decimals, or null');
  }

  // The mandate: refused outright, nothing recorded; the matter can be escalated instead.
  const matter = mandatedMatter(data, terms.amount);
  requireWithinMandate(forum.forumId, forum.mandate, matter);
  const escalatedToForumId = kind === 'escalate' ? escalationTarget(forum) : null;

  // The gate rules in force on the meeting day.
  const ruleSet = ruleSetInForce(data.gateRuleSets, meeting.heldOn);
  const rule = gate === null ? null : (ruleSet.gates[gate] ?? null);
  if (gate !== null && rule !== null) {
    const failures = checkGate(rule, {
      weightedScore,
      hasBusinessCase: agenda.proposal.hasBusinessCase,
      benefitOwnerId: agenda.proposal.benefitOwnerId,
      amount: terms.amount,
    });
    if (failures.length > 0) throw new GateNotPassed(gate, ruleSet.version, ruleSet.effectiveFrom, failures);
  }

  // The pool as the forum saw it; the funding context re-checks when the money is committed.
  const pool = agenda.fundingPool;
  if (terms.amount !== null && pool !== null && pool.poolId === terms.poolId) {
    if (pool.available.currency !== terms.amount.currency) {
      throw new InvalidProjectCommand('amount.currency', `must be ${pool.available.currency}, the currency of pool ${pool.poolId}`);
    }
    if (terms.amount.amountMinor > pool.available.amountMinor) throw new InsufficientPoolBalance(pool.poolId, terms.amount, pool.available);
  }

  const tally = tallyVotes(forum.decisionRule, forum.votingMembers, data.votes);
  const basis: DecisionBasis = {
    forum: {
      forumId: forum.forumId,
      parentForumId: forum.parentForumId,
      mandate: normaliseMandate(forum.mandate),
      decisionRule: normaliseDecisionRule(forum.decisionRule),
      votingMembers: forum.votingMembers.map(({ memberId, role }) => ({ memberId, role })),
    },
    meeting: { meetingId: meeting.meetingId, heldOn: meeting.heldOn },
    agenda: {
      meetingId: agenda.meetingId,
      revision: agenda.revision,
      contentHash: agenda.contentHash,
      proposal: { ...agenda.proposal },
      fundingPool: pool === null ? null : { poolId: pool.poolId, available: { ...pool.available } },
    },
    votes: data.votes.map(({ memberId, vote }) => ({ memberId, vote })),
    tally,
    mandateCheck: { allowed: true, matter },
    gateRules: { version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, transition: gate, rule },
  };
  const allTerms: DecisionTerms = { ...terms, escalatedToForumId };
  const { proposalId } = project;
  const { decisionId, rationale } = data;

  if (tally.outcome !== 'carried') {
    return [
      {
        type: ProjectEventType.DecisionNotReached,
        data: { proposalId, decisionId, kind, rationale, outcome: tally.outcome, position: project.status, proposedTo: to, ...allTerms, basis },
      },
    ];
  }
  const events: ProjectEvent[] = [
    { type: ProjectEventType.DecisionTaken, data: { proposalId, decisionId, kind, rationale, from: project.status, to, ...allTerms, basis } },
  ];
  if (to !== project.status) {
    events.push({ type: ProjectEventType.StageChanged, data: { proposalId, from: project.status, to, decisionId } });
  }
  return events;
}

/** The kind-specific fields: each required by its kind and refused with any other. */
function decisionTerms(data: TakeDecision['data'], project: ExistingProject, isFunding: boolean): Omit<DecisionTerms, 'escalatedToForumId'> {
  const { kind } = data;
  const amount = data.amount ?? null;
  const poolId = data.poolId ?? null;
  if (isFunding) {
    if (amount === null) throw new InvalidProjectCommand('amount', 'the funding approval (analysis to execution) must state the amount');
    requireMoney(amount, 'amount');
    if (project.committed !== null && project.committed.currency !== amount.currency) {
      throw new InvalidProjectCommand('amount.currency', `must be ${project.committed.currency}, the currency of the funding already approved`);
    }
    if (poolId === null) throw new InvalidProjectCommand('poolId', 'the funding approval (analysis to execution) must name the pool');
    requireText(poolId, 'poolId');
  } else {
    const why = kind === 'approve' ? 'only the funding approval (analysis to execution) commits money' : 'only an approval commits money';
    if (amount !== null) throw new InvalidProjectCommand('amount', why);
    if (poolId !== null) throw new InvalidProjectCommand('poolId', why);
  }
  const deferredToMeetingId = kindText(data.deferredToMeetingId, 'deferredToMeetingId', kind, 'defer');
  if (deferredToMeetingId !== null && deferredToMeetingId === data.meeting.meetingId) {
    throw new InvalidProjectCommand('deferredToMeetingId', 'a deferral names a later meeting, not the one deciding');
  }
  return {
    amount: amount === null ? null : { amountMinor: amount.amountMinor, currency: amount.currency },
    poolId,
    deferredToMeetingId,
    requestedChanges: kindText(data.requestedChanges, 'requestedChanges', kind, 'request_changes'),
    priorityNote: kindText(data.priorityNote, 'priorityNote', kind, 'reprioritise'),
  };
}

/** A text required by `owner` and refused with any other kind. */
function kindText(value: string | null | undefined, field: string, kind: DecisionKind, owner: DecisionKind): string | null {
  const text = value ?? null;
  if (kind !== owner) {
    if (text !== null) throw new InvalidProjectCommand(field, `only a decision to ${owner.replace('_', ' ')} states it`);
    return null;
  }
  requireText(text, field);
  return text;
}

/**
 * The matter as the mandate sees it. An approval that commits no money (every approval but the funding one) is
 * checked as committing zero, in the currency of the mandate's limit: it is within any limit on amounts.
 */
function mandatedMatter(data: TakeDecision['data'], amount: Money | null): MandatedMatter {
  const { kind, forum, agenda } = data;
  const maximum = forum.mandate.maximumAmount;
  const stated = kind !== 'approve' ? null : (amount ?? (maximum === null ? null : { amountMinor: 0, currency: maximum.currency }));
  return { kind, amount: stated, area: agenda.proposal.investmentArea, departmentId: agenda.proposal.departmentId };
}

function requireMove(project: ExistingProject, action: LifecycleAction): ProjectPosition {
  const move = lifecycleMove(project.status, project.stage, action);
  if (!move.allowed) throw new InvalidStageTransition(project.status, move.to, action);
  return move.to;
}

function existing(state: ProjectState, proposalId: string): ExistingProject {
  if (state.status === 'none') throw new ProjectNotFound(proposalId);
  return state;
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidProjectCommand(field, 'must not be empty');
}

function requireMoney(money: Money, field: string): void {
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor <= 0) {
    throw new InvalidProjectCommand(`${field}.amountMinor`, 'must be a positive whole number of minor units');
  }
  if (!(CURRENCIES as readonly string[]).includes(money.currency)) {
    throw new InvalidProjectCommand(`${field}.currency`, `must be one of ${CURRENCIES.join(', ')}`);
  }
}
