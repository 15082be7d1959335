import type { NewEvent } from '../../../event-store/port/index.js';
import type { IsoDate } from './calendar-date.js';
import type { DecisionRule } from './decision-rule.js';
import type { ForumKind } from './forum-kind.js';
import type { Mandate } from './mandate.js';
import type { MemberPerson, MemberRole } from './membership.js';

/**
 * Facts about a forum. When it was recorded is the event store's `recordedAt`; the dates in the data are when a
 * membership or role takes effect. Who, why and correlation are the application layer's metadata.
 */
export const ForumEventType = {
  Established: 'ForumEstablished',
  MandateAmended: 'ForumMandateAmended',
  DecisionRuleChanged: 'ForumDecisionRuleChanged',
  MemberJoined: 'ForumMemberJoined',
  MemberRoleChanged: 'ForumMemberRoleChanged',
  MemberLeft: 'ForumMemberLeft',
} as const;
export type ForumEventTypeName = (typeof ForumEventType)[keyof typeof ForumEventType];

/** An event as decided by the domain: a NewEvent without metadata. */
type Fact<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface ForumEstablishedData {
  readonly forumId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ForumKind;
  readonly parentForumId: string | null;
  readonly mandate: Mandate;
  readonly decisionRule: DecisionRule;
}

/** The whole new mandate (the previous one is in the history, for auditors). */
export interface ForumMandateAmendedData {
  readonly forumId: string;
  readonly mandate: Mandate;
}

export interface ForumDecisionRuleChangedData {
  readonly forumId: string;
  readonly decisionRule: DecisionRule;
}

export interface ForumMemberJoinedData {
  readonly forumId: string;
  readonly memberId: string;
  /** Personal data, one nested object so that it can be encrypted or shredded as a unit. */
  readonly person: MemberPerson;
  readonly role: MemberRole;
  readonly from: IsoDate;
}

export interface ForumMemberRoleChangedData {
  readonly forumId: string;
  readonly memberId: string;
  /** The role that ends, so the event reads on its own. */
  readonly previousRole: MemberRole;
  readonly role: MemberRole;
  readonly from: IsoDate;
}

export interface ForumMemberLeftData {
  readonly forumId: string;
  readonly memberId: string;
  /** Last day as a member (inclusive). */
  readonly to: IsoDate;
}

export type ForumEstablished = Fact<typeof ForumEventType.Established, ForumEstablishedData>;
export type ForumMandateAmended = Fact<typeof ForumEventType.MandateAmended, ForumMandateAmendedData>;
export type ForumDecisionRuleChanged = Fact<typeof ForumEventType.DecisionRuleChanged, ForumDecisionRuleChangedData>;
export type ForumMemberJoined = Fact<typeof ForumEventType.MemberJoined, ForumMemberJoinedData>;
export type ForumMemberRoleChanged = Fact<typeof ForumEventType.MemberRoleChanged, ForumMemberRoleChangedData>;
export type ForumMemberLeft = Fact<typeof ForumEventType.MemberLeft, ForumMemberLeftData>;

export type ForumEvent =
  | ForumEstablished
  | ForumMandateAmended
  | ForumDecisionRuleChanged
  | ForumMemberJoined
  | ForumMemberRoleChanged
  | ForumMemberLeft;
