import { InconsistentPrioritisationHistory } from './errors.js';
import { ScoringModelEventType, type ScoringModelEvent } from './scoring-model-events.js';
import type { ExistingScoringModel, ScoringModelState } from './scoring-model-state.js';

/** Folds one recorded fact into the state. Events are facts: nothing is re-validated, only their order. */
export function evolveScoringModel(state: ScoringModelState, event: ScoringModelEvent): ScoringModelState {
  switch (event.type) {
    case ScoringModelEventType.Defined: {
      if (state.status !== 'none') throw new InconsistentPrioritisationHistory(event.type, `the model is ${state.status}`);
      const { modelId, forumId } = event.data;
      return { status: 'active', modelId, forumId, versions: [event.data], retirementReason: null };
    }
    case ScoringModelEventType.Revised: {
      const model = active(state, event);
      if (event.data.version !== model.versions.length + 1) {
        throw new InconsistentPrioritisationHistory(event.type, `version ${event.data.version} after ${model.versions.length}`);
      }
      return { ...model, versions: [...model.versions, event.data] };
    }
    case ScoringModelEventType.Retired:
      return { ...active(state, event), status: 'retired', retirementReason: event.data.reason };
  }
}

function active(state: ScoringModelState, event: ScoringModelEvent): ExistingScoringModel {
  if (state.status !== 'active') throw new InconsistentPrioritisationHistory(event.type, `the model is ${state.status}`);
  return state;
}
