import { PortfolioSnapshots1797400100000 } from './read-models/migrations/1797400100000-portfolio-snapshots.js';
import { SnapshotKeeper1797400200000 } from './read-models/migrations/1797400200000-snapshot-keeper.js';

export const TIME_TRAVEL_MIGRATIONS = [PortfolioSnapshots1797400100000, SnapshotKeeper1797400200000];
