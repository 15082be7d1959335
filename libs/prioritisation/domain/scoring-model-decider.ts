import { decideScoringModel } from './scoring-model-decide.js';
import { evolveScoringModel } from './scoring-model-evolve.js';
import { initialScoringModelState } from './scoring-model-state.js';

/** The ScoringModel aggregate as one value (one stream per forum's model), for the command handler and specs. */
export const scoringModelDecider = {
  decide: decideScoringModel,
  evolve: evolveScoringModel,
  initialState: initialScoringModelState,
};
