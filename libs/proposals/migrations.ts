import { ProposalSummaries1764057660000 } from './read-models/migrations/1764057660000-proposal-summaries.js';
import { ProposalListSortIndexes1796100000000 } from './read-models/migrations/1796100000000-proposal-list-sort-indexes.js';

export const PROPOSAL_MIGRATIONS = [ProposalSummaries1764057660000, ProposalListSortIndexes1796100000000];
