import { Resources1797300000000 } from './read-models/migrations/1797300000000-resources.js';

export const RESOURCES_MIGRATIONS = [Resources1797300000000];
