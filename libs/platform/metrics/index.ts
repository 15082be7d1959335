export * from './event-store-metrics.js';
export * from './http-metrics.js';
export * from './instrumented-event-store.js';
export * from './metrics-registry.js';
export * from './metrics.module.js';
