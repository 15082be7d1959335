/**
 * Test helper for decide/evolve: given(history).when(command).then(expected events | expected error).
 * Not part of the public API.
 */
import { expect } from '@jest/globals';
import type { ProposalCommand } from './commands.js';
import { decide } from './decide.js';
import type { DomainError } from './errors.js';
import type { ProposalEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialProposalState, type ProposalState } from './proposal-state.js';

export function given(history: readonly ProposalEvent[]) {
  const state = history.reduce(evolve, initialProposalState());
  return {
    when(command: ProposalCommand) {
      return {
        /** Expects exactly these events and returns the state after them; or expects this error, field by field. */
        then(expected: readonly ProposalEvent[] | DomainError): ProposalState {
          if (Array.isArray(expected)) {
            const events = decide(command, state);
            expect(events).toEqual(expected);
            return events.reduce(evolve, state);
          }
          const error = expected as DomainError;
          let thrown: unknown;
          expect(() => {
            try {
              decide(command, state);
            } catch (e) {
              thrown = e;
              throw e;
            }
          }).toThrow(error.constructor as new (...args: never[]) => DomainError);
          expect({ ...(thrown as object), message: (thrown as Error).message }).toEqual({ ...error, message: error.message });
          return state;
        },
      };
    },
  };
}
