export * from './port/index.js';
export * from './decider/decider.js';
export * from './postgres/postgres-event-store.js';
export * from './kurrentdb/index.js';
