import { FundingPools1796000060000 } from './read-models/migrations/1796000060000-funding-pools.js';
import { FundingPaybacks1797100000000 } from './read-models/migrations/1797100000000-funding-paybacks.js';

export const FUNDING_MIGRATIONS = [FundingPools1796000060000, FundingPaybacks1797100000000];
