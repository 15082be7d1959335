import { ProposalSummaries1764057660000 } from './read-models/migrations/1764057660000-proposal-summaries.js';

export const PROPOSAL_MIGRATIONS = [ProposalSummaries1764057660000];
