import { PrioritisationReadModels1796000000000 } from './read-models/migrations/1796000000000-prioritisation-read-models.js';

export const PRIORITISATION_MIGRATIONS = [PrioritisationReadModels1796000000000];
