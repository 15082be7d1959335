import type { Decider } from '../../event-store/decider/decider.js';
import type { CollaborationCommand } from './commands.js';
import { decide } from './decide.js';
import type { CollaborationEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialCollaborationState, type CollaborationState } from './state.js';

/** The Collaboration aggregate as one value (one stream per collaboration), for the command handler and specs. */
export const collaborationDecider: Decider<CollaborationCommand, CollaborationEvent, CollaborationState> = { decide, evolve, initialState: initialCollaborationState };
