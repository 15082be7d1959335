import { PersonalDataKeys1797900000000 } from './read-models/migrations/1797900000000-personal-data-keys.js';

export const PERSONAL_DATA_MIGRATIONS = [PersonalDataKeys1797900000000];
