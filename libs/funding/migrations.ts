import { FundingPools1796000060000 } from './read-models/migrations/1796000060000-funding-pools.js';

export const FUNDING_MIGRATIONS = [FundingPools1796000060000];
