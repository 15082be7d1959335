export * from './database-session-settings.js';
export * from './database-unavailable.js';
