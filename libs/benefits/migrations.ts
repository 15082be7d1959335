import { BusinessCaseFacts1797300000001 } from './read-models/migrations/1797300000001-business-case-facts.js';

export const BENEFITS_MIGRATIONS = [BusinessCaseFacts1797300000001];
