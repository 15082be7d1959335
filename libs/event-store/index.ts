export * from './port/index.js';
export * from './postgres/postgres-event-store.js';
