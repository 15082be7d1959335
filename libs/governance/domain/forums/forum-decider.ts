import type { ForumCommand } from './commands.js';
import { decideForum } from './decide.js';
import type { ForumEvent } from './events.js';
import { evolveForum } from './evolve.js';
import { initialForumState, type ForumState } from './forum-state.js';

/** The forum aggregate as one value, for the event store's command handler and for given/when/then specs. */
export const forumDecider = {
  decide: decideForum,
  evolve: evolveForum,
  initialState: initialForumState,
} satisfies {
  decide(command: ForumCommand, state: ForumState): ForumEvent[];
  evolve(state: ForumState, event: ForumEvent): ForumState;
  initialState(): ForumState;
};
