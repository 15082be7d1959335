import { CostAllocationKeys1797150000000 } from './read-models/migrations/1797150000000-cost-allocation-keys.js';

export const COST_ALLOCATION_MIGRATIONS = [CostAllocationKeys1797150000000];
