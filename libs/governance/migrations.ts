import { ForumSummaries1795598800000 } from './forums/read-models/migrations/1795598800000-forum-summaries.js';

/** The governance context's read-model migrations, in the order they were written. Add new ones at the end. */
export const GOVERNANCE_MIGRATIONS = [ForumSummaries1795598800000];
