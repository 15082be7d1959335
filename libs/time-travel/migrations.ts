import { PortfolioSnapshots1797400100000 } from './read-models/migrations/1797400100000-portfolio-snapshots.js';

export const TIME_TRAVEL_MIGRATIONS = [PortfolioSnapshots1797400100000];
