import { EventLogAuditIndexes1797400000000 } from './read-models/migrations/1797400000000-event-log-audit-indexes.js';

export const AUDIT_MIGRATIONS = [EventLogAuditIndexes1797400000000];
