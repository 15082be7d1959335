export * from './kurrentdb-event-store.js';
export * from './kurrent-log.js';
export { MalformedEnvelopeError, type Envelope } from './envelope.js';
