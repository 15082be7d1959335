import type { ExpectedVersion } from './expected-version.js';
import type { LogPosition } from './log-position.js';
import type { NewEvent, RecordedEvent } from './events.js';

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** Position of the last appended event in the global read order. */
  readonly lastPosition: LogPosition;
  /** The last appended event's global position (a unique, increasing id). */
  readonly lastGlobalPosition: bigint;
  /** Every appended event's global position, in stream order. */
  readonly globalPositions: readonly bigint[];
  /** When the store recorded the events (their `recordedAt`). */
  readonly recordedAt: Date;
  /** True when every event id was already written by an earlier append: nothing was written this time. */
  readonly idempotentReplay: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Forwards: first position to return (default 1). Backwards: last position to return (default: the end). */
  readonly fromVersion?: number;
  /** Forwards only: last position to return, inclusive (for "as of a version" reads). */
  readonly toVersion?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return only events strictly after this position in the read order. */
  readonly after?: LogPosition;
  readonly limit?: number;
  /** Only these event types (the position still advances past the others). */
  readonly types?: readonly string[];
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /**
   * How far the read has safely looked: resume from here. It can be past the last returned event when filtered
   * events were skipped; it never passes an event that could still become visible.
   */
  readonly lastPosition: LogPosition;
  /** True when nothing visible lies beyond `lastPosition` at the time of the read. */
  readonly isEnd: boolean;
}

export interface SubscribeOptions {
  readonly after?: LogPosition;
  readonly batchSize?: number;
  readonly types?: readonly string[];
  /** How often to look for new events when idle (a local append wakes the subscription sooner). */
  readonly pollIntervalMs?: number;
  /** How long after a local append to read, so that a burst is read as one batch. Default 5 ms. */
  readonly coalesceMs?: number;
}

/**
 * A live read of the global log: every event exactly once, in read order, in batches. With a type filter a batch
 * may hold no events yet carry progress (`lastPosition` past events of other types).
 */
export interface Subscription extends AsyncIterable<ReadAllResult> {
  stop(): Promise<void>;
  /** Look for new events now instead of at the next poll (optional: a push-based adapter has nothing to do). */
  poke?(): void;
}

/**
 * The event store port. Adapters: PostgreSQL over `pg`, embedded PGlite (the same SQL through pglite-socket),
 * KurrentDB. Every adapter passes the contract suite in `libs/event-store/testing`.
 */
export interface EventStore {
  /** Create or upgrade the store's own schema; safe to run concurrently and repeatedly. */
  migrate(): Promise<void>;
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The stream's version: the number of events in it, 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** The furthest position a reader can see now (for lag). */
  headPosition(): Promise<LogPosition>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
