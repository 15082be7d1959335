export * from './checkpoint-store.js';
export * from './document-projection.js';
export * from './projection.js';
export * from './projection-rebuilder.js';
export * from './projection-runner.js';
export * from './projection-runtime.js';
export { ProjectionCheckpoints1764057600000 } from './migrations/1764057600000-projection-checkpoints.js';
