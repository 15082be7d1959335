import type { Decider } from '../../../event-store/index.js';
import {
  ForumEventType,
  forumDecider as domainDecider,
  normaliseDecisionRule,
  normaliseMandate,
  type ForumCommand,
  type ForumEvent,
  type ForumState,
} from '../../domain/forums/index.js';

/**
 * The forum aggregate as the event store's command handler takes it. Events read back from the log have passed
 * through `jsonb`, which reorders object keys and may drop defaults; mandates and decision rules are normalised again
 * on the way in (a no-op for freshly decided events), so views show them in one stable shape.
 */
export const forumDecider: Decider<ForumCommand, ForumEvent, ForumState> = {
  decide: domainDecider.decide,
  evolve: (state, event) => domainDecider.evolve(state, withNormalisedSetup(event)),
  initialState: domainDecider.initialState,
};

export function withNormalisedSetup(event: ForumEvent): ForumEvent {
  switch (event.type) {
    case ForumEventType.Established:
      return { ...event, data: { ...event.data, mandate: normaliseMandate(event.data.mandate), decisionRule: normaliseDecisionRule(event.data.decisionRule) } };
    case ForumEventType.MandateAmended:
      return { ...event, data: { ...event.data, mandate: normaliseMandate(event.data.mandate) } };
    case ForumEventType.DecisionRuleChanged:
      return { ...event, data: { ...event.data, decisionRule: normaliseDecisionRule(event.data.decisionRule) } };
    default:
      return event;
  }
}

/** One stream per forum, named by its server-generated UUID. */
export const forumStream = (forumId: string) => `forum-${forumId}`;
