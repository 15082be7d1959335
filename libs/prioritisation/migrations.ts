import { PrioritisationReadModels1796000000000 } from './read-models/migrations/1796000000000-prioritisation-read-models.js';
import { ForumRankingMandates1797800000000 } from './read-models/migrations/1797800000000-forum-ranking-mandates.js';

export const PRIORITISATION_MIGRATIONS = [PrioritisationReadModels1796000000000, ForumRankingMandates1797800000000];
