import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA_LOCK_KEY } from '../../../event-store/postgres/schema.js';
import { EVENT_ORGANISATION_SQL } from '../../application/event-organisation.js';

/** How long to wait for the event store to create `es_events` when both start on a fresh database. */
const LOG_WAIT_MS = 30_000;

/**
 * Indexes on the event log for the audit filters and the as-of reads. The event store creates `es_events` itself
 * (its own `migrate()`), which the application starts concurrently with these migrations; so this migration runs
 * outside a transaction (on the embedded database a transaction holds the one session, and the store could never
 * create the table while it waited), waits for the table, and takes the store's schema lock so that it never
 * interleaves with a schema step of the store. Every statement is `IF NOT EXISTS`: a rerun after a failure completes.
 * Plain CREATE INDEX (not CONCURRENTLY) so that it runs the same on PGlite.
 */
export class EventLogAuditIndexes1797400000000 implements MigrationInterface {
  name = 'EventLogAuditIndexes1797400000000';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    const deadline = Date.now() + LOG_WAIT_MS;
    while ((await runner.query(`SELECT to_regclass('es_events') IS NOT NULL AS ready`))[0].ready !== true) {
      if (Date.now() > deadline) throw new Error('es_events does not exist: the event store has not migrated its schema');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    try {
      for (const statement of INDEXES) await runner.query(statement);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of INDEX_NAMES) await runner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}

// Every index here is paid for by every append, so only the filters an auditor cannot do without get one; the type
// and forum filters run over the organisation's events (the organisation index), which bounds them.
const INDEXES = [
  // the auditor's scope and the as-of replays: an organisation's events in read order
  `CREATE INDEX IF NOT EXISTS es_events_audit_organisation ON es_events ((${EVENT_ORGANISATION_SQL}), transaction_id, global_position)`,
  `CREATE INDEX IF NOT EXISTS es_events_audit_actor ON es_events ((metadata->'actor'->>'subject'), transaction_id, global_position)`,
  `CREATE INDEX IF NOT EXISTS es_events_audit_correlation ON es_events ((metadata->>'correlationId'))`,
  // time ranges, and "as of a time": the last event recorded at or before it
  `CREATE INDEX IF NOT EXISTS es_events_audit_recorded_at ON es_events (recorded_at, transaction_id, global_position)`,
  // "as of a global position"
  `CREATE INDEX IF NOT EXISTS es_events_audit_global_position ON es_events (global_position)`,
  // what the forum saw: a decision by its id
  `CREATE INDEX IF NOT EXISTS es_events_audit_decision ON es_events ((data->>'decisionId')) WHERE type IN ('DecisionTaken', 'DecisionNotReached')`,
];

const INDEX_NAMES = [
  'es_events_audit_organisation',
  'es_events_audit_actor',
  'es_events_audit_correlation',
  'es_events_audit_recorded_at',
  'es_events_audit_global_position',
  'es_events_audit_decision',
];
