export * from './errors.js';
export * from './events.js';
export * from './person-identity.js';
export * from './personal-data.js';
export * from './erasure.js';
