export * from './supervisor.js';
export * from './instance-metrics.js';
export * from './worker-shutdown.js';
