import { decideScorecard } from './scorecard-decide.js';
import { evolveScorecard } from './scorecard-evolve.js';
import { initialScorecardState } from './scorecard-state.js';

/** The Scorecard aggregate as one value (one stream per proposal + forum), for the command handler and specs. */
export const scorecardDecider = {
  decide: decideScorecard,
  evolve: evolveScorecard,
  initialState: initialScorecardState,
};
