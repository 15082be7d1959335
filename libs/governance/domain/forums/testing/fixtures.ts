/** Builders for the forums domain's tests. Not part of the public API. */
import type { Money } from '../../../../shared-kernel/money.js';
import { deciderSpec } from '../../../../shared-kernel/testing/given-when-then.js';
import { ForumCommandType, type EstablishForum, type ForumCommand, type JoinForum } from '../commands.js';
import type { DecisionRule } from '../decision-rule.js';
import { ForumEventType, type ForumEstablishedData, type ForumEvent } from '../events.js';
import { forumDecider } from '../forum-decider.js';
import type { Mandate } from '../mandate.js';
import type { MemberPerson, MemberRole } from '../membership.js';

export const FORUM_ID = 'herning-steering-group';
export const ORGANISATION_ID = 'herning';
export const PARENT_FORUM_ID = 'herning-directorate';

export const given = deciderSpec(forumDecider);

export function dkk(kroner: number): Money {
  return { amountMinor: kroner * 100, currency: 'DKK' };
}

/** Herning's steering group: decides the development pool's projects up to DKK 2m. */
export const STEERING_GROUP_MANDATE: Mandate = {
  investmentAreas: [],
  departmentIds: [],
  decisionKinds: ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'],
  maximumAmount: dkk(2_000_000),
};

export const SIMPLE_MAJORITY: DecisionRule = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };

export const establishedData: ForumEstablishedData = {
  forumId: FORUM_ID,
  organisationId: ORGANISATION_ID,
  name: 'Styregruppen for Digital Forvaltning',
  kind: 'steering_group',
  parentForumId: PARENT_FORUM_ID,
  mandate: STEERING_GROUP_MANDATE,
  decisionRule: SIMPLE_MAJORITY,
};

export function establishForum(overrides: Partial<EstablishForum['data']> = {}): ForumCommand {
  return { type: ForumCommandType.Establish, data: { ...establishedData, ...overrides } };
}

export function forumEstablished(overrides: Partial<ForumEstablishedData> = {}): ForumEvent {
  return { type: ForumEventType.Established, data: { ...establishedData, ...overrides } };
}

export function amendMandate(mandate: Mandate): ForumCommand {
  return { type: ForumCommandType.AmendMandate, data: { forumId: FORUM_ID, mandate } };
}

export function mandateAmended(mandate: Mandate): ForumEvent {
  return { type: ForumEventType.MandateAmended, data: { forumId: FORUM_ID, mandate } };
}

export function changeDecisionRule(decisionRule: DecisionRule): ForumCommand {
  return { type: ForumCommandType.ChangeDecisionRule, data: { forumId: FORUM_ID, decisionRule } };
}

export function decisionRuleChanged(decisionRule: DecisionRule): ForumEvent {
  return { type: ForumEventType.DecisionRuleChanged, data: { forumId: FORUM_ID, decisionRule } };
}

export function personOf(memberId: string): MemberPerson {
  return { name: `Person ${memberId}`, email: `${memberId}@herning.dk` };
}

export function joinForum(memberId: string, role: MemberRole, from: string, person = personOf(memberId)): JoinForum {
  return { type: ForumCommandType.Join, data: { forumId: FORUM_ID, memberId, person, role, from } };
}

export function memberJoined(memberId: string, role: MemberRole, from: string, person = personOf(memberId)): ForumEvent {
  return { type: ForumEventType.MemberJoined, data: { forumId: FORUM_ID, memberId, person, role, from } };
}

export function changeRole(memberId: string, role: MemberRole, from: string): ForumCommand {
  return { type: ForumCommandType.ChangeRole, data: { forumId: FORUM_ID, memberId, role, from } };
}

export function roleChanged(memberId: string, previousRole: MemberRole, role: MemberRole, from: string): ForumEvent {
  return { type: ForumEventType.MemberRoleChanged, data: { forumId: FORUM_ID, memberId, previousRole, role, from } };
}

export function leaveForum(memberId: string, to: string): ForumCommand {
  return { type: ForumCommandType.Leave, data: { forumId: FORUM_ID, memberId, to } };
}

export function memberLeft(memberId: string, to: string): ForumEvent {
  return { type: ForumEventType.MemberLeft, data: { forumId: FORUM_ID, memberId, to } };
}
