import { InconsistentCostAllocationHistory } from './errors.js';
import { CostAllocationKeyEventType, type CostAllocationKeyEvent } from './events.js';
import type { CostAllocationKeyState } from './state.js';

/** Folds one recorded fact into the key; terms are kept ordered by their effective date. */
export function evolve(state: CostAllocationKeyState, event: CostAllocationKeyEvent): CostAllocationKeyState {
  switch (event.type) {
    case CostAllocationKeyEventType.Defined: {
      if (state.status !== 'none') throw new InconsistentCostAllocationHistory(event.type, 'the key exists already');
      const { keyId, organisationId, name, basis, terms } = event.data;
      return { status: 'defined', keyId, organisationId, name, basis, terms: [terms] };
    }
    case CostAllocationKeyEventType.TermsAdded: {
      if (state.status === 'none') throw new InconsistentCostAllocationHistory(event.type, 'the key does not exist');
      const terms = [...state.terms, event.data.terms].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
      return { ...state, terms };
    }
  }
}
