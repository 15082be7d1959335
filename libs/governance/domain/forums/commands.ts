import type { IsoDate } from './calendar-date.js';
import type { DecisionRule } from './decision-rule.js';
import type { ForumKind } from './forum-kind.js';
import type { Mandate } from './mandate.js';
import type { MemberPerson, MemberRole } from './membership.js';

/** What someone asks of a forum. Who asks, and with what right, is the application layer's concern. */
export const ForumCommandType = {
  Establish: 'EstablishForum',
  AmendMandate: 'AmendForumMandate',
  ChangeDecisionRule: 'ChangeForumDecisionRule',
  Join: 'JoinForum',
  ChangeRole: 'ChangeForumMemberRole',
  Leave: 'LeaveForum',
} as const;

export interface EstablishForum {
  readonly type: typeof ForumCommandType.Establish;
  readonly data: {
    /** Chosen by the caller, so a retried request establishes the same forum. */
    readonly forumId: string;
    /** That the organisation and the parent forum exist, in that organisation, is checked by the application layer. */
    readonly organisationId: string;
    readonly name: string;
    readonly kind: ForumKind;
    /** The forum that set this one up and takes what is beyond its mandate (Herning: the directorate). */
    readonly parentForumId?: string | null;
    readonly mandate: Mandate;
    readonly decisionRule: DecisionRule;
  };
}

export interface AmendForumMandate {
  readonly type: typeof ForumCommandType.AmendMandate;
  readonly data: {
    readonly forumId: string;
    /** The whole new mandate, replacing the old. */
    readonly mandate: Mandate;
  };
}

export interface ChangeForumDecisionRule {
  readonly type: typeof ForumCommandType.ChangeDecisionRule;
  readonly data: {
    readonly forumId: string;
    readonly decisionRule: DecisionRule;
  };
}

export interface JoinForum {
  readonly type: typeof ForumCommandType.Join;
  readonly data: {
    readonly forumId: string;
    /** Stable across memberships: a member who leaves and rejoins keeps the id. */
    readonly memberId: string;
    readonly person: MemberPerson;
    readonly role: MemberRole;
    /** First day as a member. */
    readonly from: IsoDate;
  };
}

export interface ChangeForumMemberRole {
  readonly type: typeof ForumCommandType.ChangeRole;
  readonly data: {
    readonly forumId: string;
    readonly memberId: string;
    readonly role: MemberRole;
    /** First day in the new role. */
    readonly from: IsoDate;
  };
}

export interface LeaveForum {
  readonly type: typeof ForumCommandType.Leave;
  readonly data: {
    readonly forumId: string;
    readonly memberId: string;
    /** Last day as a member (inclusive). */
    readonly to: IsoDate;
  };
}

export type ForumCommand = EstablishForum | AmendForumMandate | ChangeForumDecisionRule | JoinForum | ChangeForumMemberRole | LeaveForum;
