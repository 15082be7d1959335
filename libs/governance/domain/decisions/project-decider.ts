import type { ProjectCommand } from './commands.js';
import { decideProject } from './decide.js';
import type { ProjectEvent } from './events.js';
import { evolveProject } from './evolve.js';
import { initialProjectState, type ProjectState } from './project-state.js';

/** The project lifecycle aggregate as one value, for the event store's command handler and for given/when/then specs. */
export const projectDecider = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
} satisfies {
  decide(command: ProjectCommand, state: ProjectState): ProjectEvent[];
  evolve(state: ProjectState, event: ProjectEvent): ProjectState;
  initialState(): ProjectState;
};

/** One stream per proposal. */
export const projectStream = (proposalId: string): string => `project-${proposalId}`;
