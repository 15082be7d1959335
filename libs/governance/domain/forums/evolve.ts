import { InconsistentForumHistory } from './errors.js';
import { ForumEventType, type ForumEvent } from './events.js';
import type { Forum, ForumState } from './forum-state.js';
import type { Membership } from './membership.js';

/** Folds one recorded fact into the state. Events are facts, so nothing is re-validated here. */
export function evolveForum(state: ForumState, event: ForumEvent): ForumState {
  switch (event.type) {
    case ForumEventType.Established: {
      if (state.status !== 'none') throw new InconsistentForumHistory(event.type, 'the forum is already established');
      const { forumId, organisationId, name, kind, parentForumId, mandate, decisionRule } = event.data;
      return { status: 'established', forumId, organisationId, name, kind, parentForumId, mandate, decisionRule, memberships: [] };
    }
    case ForumEventType.MandateAmended:
      return { ...existing(state, event), mandate: event.data.mandate };
    case ForumEventType.DecisionRuleChanged:
      return { ...existing(state, event), decisionRule: event.data.decisionRule };
    case ForumEventType.MemberJoined: {
      const forum = existing(state, event);
      const { memberId, person, role, from } = event.data;
      const membership: Membership = { memberId, person, from, to: null, roles: [{ role, from }] };
      return { ...forum, memberships: [...forum.memberships, membership] };
    }
    case ForumEventType.MemberRoleChanged: {
      const { role, from } = event.data;
      return updateCurrentMembership(state, event, (m) => ({ ...m, roles: [...m.roles, { role, from }] }));
    }
    case ForumEventType.MemberLeft:
      return updateCurrentMembership(state, event, (m) => ({ ...m, to: event.data.to }));
  }
}

function existing(state: ForumState, event: ForumEvent): Forum {
  if (state.status === 'none') throw new InconsistentForumHistory(event.type, 'the forum is not established');
  return state;
}

function updateCurrentMembership(
  state: ForumState,
  event: ForumEvent & { data: { memberId: string } },
  update: (membership: Membership) => Membership,
): ForumState {
  const forum = existing(state, event);
  const index = forum.memberships.findLastIndex((m) => m.memberId === event.data.memberId);
  if (index < 0 || forum.memberships[index].to !== null) {
    throw new InconsistentForumHistory(event.type, `member ${event.data.memberId} is not a current member`);
  }
  const memberships = forum.memberships.map((m, i) => (i === index ? update(m) : m));
  return { ...forum, memberships };
}
