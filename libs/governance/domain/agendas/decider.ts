import type { AgendaCommand } from './commands.js';
import { decideAgenda } from './decide.js';
import type { AgendaEvent } from './events.js';
import { evolveAgenda } from './evolve.js';
import { initialAgendaState, type AgendaState } from './agenda-state.js';

/** The agenda's decider as one value, for the command handler and for deciderSpec. */
export const agendaDecider = {
  decide: decideAgenda,
  evolve: evolveAgenda,
  initialState: initialAgendaState,
} satisfies {
  decide(command: AgendaCommand, state: AgendaState): AgendaEvent[];
  evolve(state: AgendaState, event: AgendaEvent): AgendaState;
  initialState(): AgendaState;
};
