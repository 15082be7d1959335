export * from './port/index.js';
export * from './decider/decider.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/event-rows.js';
export * from './kurrentdb/index.js';
