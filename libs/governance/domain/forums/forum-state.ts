import type { DecisionRule } from './decision-rule.js';
import type { ForumKind } from './forum-kind.js';
import type { Mandate } from './mandate.js';
import type { Membership } from './membership.js';

/** Before the first event: the forum does not exist. */
export interface NoForum {
  readonly status: 'none';
}

export interface Forum {
  readonly status: 'established';
  readonly forumId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ForumKind;
  readonly parentForumId: string | null;
  readonly mandate: Mandate;
  readonly decisionRule: DecisionRule;
  /** Every membership ever, in the order joined; ask `membersOn(forum, date)` who sat on a given day. */
  readonly memberships: readonly Membership[];
}

export type ForumState = NoForum | Forum;

export function initialForumState(): ForumState {
  return { status: 'none' };
}
