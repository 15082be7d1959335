import type { EventMetadata, LogPosition, RecordedEvent, UpcasterRegistry } from '../port/index.js';

/**
 * An `es_events` row as the event store selects it, and so do the readers that query the table directly (audit,
 * time travel): positions as text, so no 64-bit value passes through a JavaScript number. `recorded_at` is left to
 * each, as it wants it (a Date, or PostgreSQL's own text with microseconds).
 */
export const EVENT_ROW_COLUMNS = `global_position::text AS gp, transaction_id::text AS tx, stream_id, stream_position::int AS sp,
  event_id, type, schema_version, data, metadata`;

export interface EventRow {
  gp: string;
  tx: string;
  stream_id: string;
  sp: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
}

export const eventRowPosition = (r: Pick<EventRow, 'tx' | 'gp'>): LogPosition => ({ commit: BigInt(r.tx), prepare: BigInt(r.gp) });

/** A row read with its `recorded_at` as a Date, its data lifted to the current schema version by `upcasters`. */
export function toRecordedEvent(r: EventRow & { recorded_at: Date }, upcasters: UpcasterRegistry): RecordedEvent {
  const { version, data } = upcasters.upcast(r.type, r.schema_version, r.data, r.metadata as unknown as Record<string, unknown>);
  return {
    eventId: r.event_id,
    type: r.type,
    data,
    metadata: r.metadata,
    schemaVersion: version,
    streamId: r.stream_id,
    streamPosition: r.sp,
    globalPosition: BigInt(r.gp),
    position: eventRowPosition(r),
    recordedAt: r.recorded_at,
  };
}
