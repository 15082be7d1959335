import type { EventMetadata } from '../port/index.js';

/**
 * What the adapter stores as a KurrentDB event's metadata. The port's metadata travels untouched under `metadata`
 * (so no key of it can collide with the adapter's own); `$correlationId` and `$causationId` repeat its ids where
 * KurrentDB's own tools (projections, the UI) look for them.
 */
export type Envelope = {
  readonly metadata: EventMetadata;
  /** Shape version of the data as written; upcasters lift it on read. */
  readonly schemaVersion: number;
  /** When the append was made (one instant for all its events, like the PostgreSQL adapter's `recorded_at`). */
  readonly recordedAt: string;
  /** Which append wrote the event: a retry finds another append's id and knows it was answered idempotently. */
  readonly appendId: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
};

export class MalformedEnvelopeError extends Error {
  constructor(streamName: string, revision: bigint, problem: string) {
    super(`event ${revision} of ${streamName} was not written by this adapter: ${problem}`);
    this.name = 'MalformedEnvelopeError';
  }
}

export function sealEnvelope(metadata: EventMetadata, schemaVersion: number, recordedAt: Date, appendId: string): Envelope {
  return {
    metadata,
    schemaVersion,
    recordedAt: recordedAt.toISOString(),
    appendId,
    $correlationId: metadata.correlationId,
    ...(metadata.causationId ? { $causationId: metadata.causationId } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an envelope back, refusing anything this adapter did not write (the client hands metadata over as parsed JSON). */
export function openEnvelope(raw: unknown, streamName: string, revision: bigint): Envelope {
  const fail = (problem: string) => new MalformedEnvelopeError(streamName, revision, problem);
  if (!isObject(raw)) throw fail('its metadata is not a JSON object');
  if (!isObject(raw.metadata) || !isObject(raw.metadata.actor)) throw fail('metadata.actor is missing');
  if (!Number.isSafeInteger(raw.schemaVersion) || (raw.schemaVersion as number) < 1) throw fail('schemaVersion is missing');
  if (typeof raw.recordedAt !== 'string' || Number.isNaN(Date.parse(raw.recordedAt))) throw fail('recordedAt is missing');
  if (typeof raw.appendId !== 'string') throw fail('appendId is missing');
  return raw as unknown as Envelope;
}
