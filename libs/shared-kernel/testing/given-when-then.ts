/**
 * Specs for pure deciders: given(history).when(command).then(expected events | expected error).
 * Test-only (excluded from the build).
 */
import { expect } from '@jest/globals';
import type { Decider } from '../../event-store/decider/decider.js';
import type { DomainError } from '../domain-error.js';

export function deciderSpec<Command, Event extends { type: string; data: unknown }, State>(decider: Decider<Command, Event, State>) {
  return function given(history: readonly Event[]) {
    const state = history.reduce(decider.evolve, decider.initialState());
    return {
      when(command: Command) {
        return {
          /** Expects exactly these events (returns the state after them), or this error, field by field. */
          then(expected: readonly Event[] | DomainError): State {
            if (Array.isArray(expected)) {
              const events = decider.decide(command, state);
              expect(events).toEqual(expected);
              return events.reduce(decider.evolve, state);
            }
            const error = expected as DomainError;
            let thrown: unknown;
            try {
              decider.decide(command, state);
            } catch (e) {
              thrown = e;
            }
            expect(thrown).toBeInstanceOf(error.constructor);
            expect({ ...(thrown as object), message: (thrown as Error).message }).toEqual({ ...error, message: error.message });
            return state;
          },
        };
      },
    };
  };
}
