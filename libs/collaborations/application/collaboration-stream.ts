import type { RecordedEvent } from '../../event-store/index.js';
import { collaborationDecider, type CollaborationEvent, type CollaborationState } from '../domain/index.js';

/** One stream per collaboration, everything on it: a settlement is computed from one consistent version of it. */
export const collaborationStream = (collaborationId: string) => `collaboration-${collaborationId}`;

export function foldCollaboration(events: readonly Pick<RecordedEvent, 'type' | 'data'>[]): CollaborationState {
  let state = collaborationDecider.initialState();
  for (const e of events) state = collaborationDecider.evolve(state, { type: e.type, data: e.data } as CollaborationEvent);
  return state;
}
