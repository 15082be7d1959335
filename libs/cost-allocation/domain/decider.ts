import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialCostAllocationKeyState } from './state.js';

/** The CostAllocationKey aggregate as one value (one stream per key), for the command handler and specs. */
export const costAllocationKeyDecider = { decide, evolve, initialState: initialCostAllocationKeyState };
