import { Collaborations1797200000000 } from './read-models/migrations/1797200000000-collaborations.js';

export const COLLABORATION_MIGRATIONS = [Collaborations1797200000000];
