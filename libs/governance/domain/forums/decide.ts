import { deepEqual } from '../../../shared-kernel/deep-equal.js';
import {
  ForumCommandType,
  type AmendForumMandate,
  type ChangeForumDecisionRule,
  type ChangeForumMemberRole,
  type EstablishForum,
  type ForumCommand,
  type JoinForum,
  type LeaveForum,
} from './commands.js';
import { findChairClash } from './chair-rule.js';
import { normaliseDecisionRule } from './decision-rule.js';
import {
  ChairAlreadyTaken,
  ForumAlreadyExists,
  ForumNotFound,
  InvalidForum,
  MemberAlreadyJoined,
  MemberHasLeft,
  MemberNotFound,
  MembershipDateConflict,
} from './errors.js';
import { ForumEventType, type ForumEvent } from './events.js';
import { evolveForum } from './evolve.js';
import type { Forum, ForumState } from './forum-state.js';
import { normaliseMandate } from './mandate.js';
import { latestMembership, latestRole, type MemberPerson, type Membership } from './membership.js';
import {
  requireDate,
  requireText,
  validateDecisionRule,
  validateForumKind,
  validateMandate,
  validatePerson,
  validateRole,
} from './validate-forum.js';

/**
 * The rules of a forum's set-up and composition. Returns the events to record (without metadata) or throws a
 * DomainError; a command that changes nothing returns no events.
 */
export function decideForum(command: ForumCommand, state: ForumState): ForumEvent[] {
  switch (command.type) {
    case ForumCommandType.Establish:
      return establish(command, state);
    case ForumCommandType.AmendMandate:
      return amendMandate(command, state);
    case ForumCommandType.ChangeDecisionRule:
      return changeDecisionRule(command, state);
    case ForumCommandType.Join:
      return join(command, state);
    case ForumCommandType.ChangeRole:
      return changeRole(command, state);
    case ForumCommandType.Leave:
      return leave(command, state);
  }
}

function establish({ data }: EstablishForum, state: ForumState): ForumEvent[] {
  if (state.status !== 'none') throw new ForumAlreadyExists(data.forumId);
  requireText(data.forumId, 'forumId');
  requireText(data.organisationId, 'organisationId');
  requireText(data.name, 'name');
  validateForumKind(data.kind);
  const parentForumId = data.parentForumId ?? null;
  if (parentForumId !== null) requireText(parentForumId, 'parentForumId');
  if (parentForumId === data.forumId) throw new InvalidForum('parentForumId', 'a forum cannot be its own parent');
  validateMandate(data.mandate);
  validateDecisionRule(data.decisionRule);
  const { forumId, organisationId, name, kind } = data;
  const mandate = normaliseMandate(data.mandate);
  const decisionRule = normaliseDecisionRule(data.decisionRule);
  return [{ type: ForumEventType.Established, data: { forumId, organisationId, name, kind, parentForumId, mandate, decisionRule } }];
}

function amendMandate({ data }: AmendForumMandate, state: ForumState): ForumEvent[] {
  const forum = existing(state, data.forumId);
  validateMandate(data.mandate);
  const mandate = normaliseMandate(data.mandate);
  if (deepEqual(mandate, forum.mandate)) return [];
  return [{ type: ForumEventType.MandateAmended, data: { forumId: forum.forumId, mandate } }];
}

function changeDecisionRule({ data }: ChangeForumDecisionRule, state: ForumState): ForumEvent[] {
  const forum = existing(state, data.forumId);
  validateDecisionRule(data.decisionRule);
  const decisionRule = normaliseDecisionRule(data.decisionRule);
  if (deepEqual(decisionRule, forum.decisionRule)) return [];
  return [{ type: ForumEventType.DecisionRuleChanged, data: { forumId: forum.forumId, decisionRule } }];
}

/** A member joins, or rejoins after having left: memberships of one member never overlap. */
function join({ data }: JoinForum, state: ForumState): ForumEvent[] {
  const forum = existing(state, data.forumId);
  requireText(data.memberId, 'memberId');
  validatePerson(data.person);
  validateRole(data.role);
  requireDate(data.from, 'from');
  const previous = latestMembership(forum, data.memberId);
  if (previous !== null && previous.to === null) throw new MemberAlreadyJoined(data.memberId);
  if (previous !== null && previous.to !== null && data.from <= previous.to) {
    throw new MembershipDateConflict(data.memberId, 'from', `must be after the member left on ${previous.to}`);
  }
  const { memberId, role, from } = data;
  return withOneChair(forum, memberId, [
    { type: ForumEventType.MemberJoined, data: { forumId: forum.forumId, memberId, person: copyPerson(data.person), role, from } },
  ]);
}

/** Roles change forward in time: a change dated on the day the current role began supersedes it. */
function changeRole({ data }: ChangeForumMemberRole, state: ForumState): ForumEvent[] {
  const forum = existing(state, data.forumId);
  validateRole(data.role);
  requireDate(data.from, 'from');
  const membership = currentMembership(forum, data.memberId);
  const current = latestRole(membership);
  if (current.role === data.role) return [];
  if (data.from < current.from) {
    throw new MembershipDateConflict(data.memberId, 'from', `must not be before the current role began on ${current.from}`);
  }
  const { memberId, role, from } = data;
  return withOneChair(forum, memberId, [
    { type: ForumEventType.MemberRoleChanged, data: { forumId: forum.forumId, memberId, previousRole: current.role, role, from } },
  ]);
}

function leave({ data }: LeaveForum, state: ForumState): ForumEvent[] {
  const forum = existing(state, data.forumId);
  requireDate(data.to, 'to');
  const membership = currentMembership(forum, data.memberId);
  const current = latestRole(membership);
  // The last day must cover the latest role, so no role begins after the member has gone.
  if (data.to < current.from) {
    throw new MembershipDateConflict(data.memberId, 'to', `must not be before the current role began on ${current.from}`);
  }
  return [{ type: ForumEventType.MemberLeft, data: { forumId: forum.forumId, memberId: data.memberId, to: data.to } }];
}

function existing(state: ForumState, forumId: string): Forum {
  if (state.status === 'none') throw new ForumNotFound(forumId);
  return state;
}

function currentMembership(forum: Forum, memberId: string): Membership {
  const membership = latestMembership(forum, memberId);
  if (membership === null) throw new MemberNotFound(memberId);
  if (membership.to !== null) throw new MemberHasLeft(memberId, membership.to);
  return membership;
}

/** Refuses events after which two members would be chair on the same day. */
function withOneChair(forum: Forum, memberId: string, events: ForumEvent[]): ForumEvent[] {
  const after = events.reduce(evolveForum, forum as ForumState) as Forum;
  const clash = findChairClash(after.memberships, memberId);
  if (clash !== null) throw new ChairAlreadyTaken(clash.memberId, clash.on);
  return events;
}

/** Only the person's own fields: whatever else the caller sent is not recorded. */
function copyPerson(person: MemberPerson): MemberPerson {
  return person.email === undefined ? { name: person.name } : { name: person.name, email: person.email };
}

