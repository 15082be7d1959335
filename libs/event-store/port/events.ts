import type { LogPosition } from './log-position.js';

/** Who caused an event. The access-control layer fills it from the authenticated identity. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly organisationId?: string | null;
  readonly displayName?: string | null;
}

/** Recorded on every event so that who did what, when and why is answerable from the log alone. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly requestId?: string | null;
  readonly reason?: string | null;
  readonly [extra: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** Stable id; appending the same id again is an idempotent no-op. Generated when omitted. */
  readonly eventId?: string;
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
  /** Shape version of `data`; upcasters lift older shapes on read. Defaults to 1. */
  readonly schemaVersion?: number;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
  /** The schema version after upcasting (the current shape). */
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 1-based position in its stream: the stream's version right after this event. */
  readonly streamPosition: number;
  /** Unique, ever-increasing id of the event in the whole log (not its read order: see `position`). */
  readonly globalPosition: bigint;
  /** Where the event sits in the global read order; checkpoints store this. */
  readonly position: LogPosition;
  readonly recordedAt: Date;
}
