export * from './errors.js';
export * from './event-store.js';
export * from './events.js';
export * from './expected-version.js';
export * from './log-position.js';
export * from './polling-subscription.js';
export * from './upcasters.js';
