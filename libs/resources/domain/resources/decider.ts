import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialResourceState } from './resource.js';

/** The Resource aggregate (one stream per person or team), for the command handler and specs. */
export const resourceDecider = { decide, evolve, initialState: initialResourceState };
