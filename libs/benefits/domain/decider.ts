import { initialBusinessCaseState } from './business-case.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';

/** The BusinessCase aggregate (one stream per project): the case, its benefits and their measurements. */
export const businessCaseDecider = { decide, evolve, initialState: initialBusinessCaseState };
