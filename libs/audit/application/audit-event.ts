import type { EventMetadata } from '../../event-store/index.js';

/** One event of the log as an auditor reads it: exactly as stored (data in its recorded schema version), with where it sits. */
export interface AuditEvent {
  /** Its place in the log's read order (`commit.prepare`, as `X-Log-Position` gives it). */
  readonly position: string;
  readonly globalPosition: string;
  /** ISO 8601 with microseconds and the database session's offset, as PostgreSQL recorded it. */
  readonly recordedAt: string;
  readonly streamId: string;
  /** Its position in its stream. */
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** The organisation it belongs to (see event-organisation.ts). */
  readonly organisationId: string;
  readonly data: unknown;
  /** Who (actor), correlation, causation and request ids, the reason when one was given. */
  readonly metadata: EventMetadata;
}
