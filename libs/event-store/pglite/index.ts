export * from './embedded-postgres.js';
export { SessionGate, type SessionGateStats } from './session-gate.js';
