export * from './domain-error.js';
export * from './money.js';
export * from './deep-equal.js';
export * from './allocation.js';
