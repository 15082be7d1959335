import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialFundingPoolState } from './state.js';

/** The FundingPool aggregate as one value (one stream per pool), for the command handler and specs. */
export const fundingPoolDecider = { decide, evolve, initialState: initialFundingPoolState };
