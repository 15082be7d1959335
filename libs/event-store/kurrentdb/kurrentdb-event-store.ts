import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  type EventData,
  type JSONType,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  IdempotencyViolationError,
  InvalidAppendError,
  LOG_START,
  PollingSubscriptions,
  UpcasterRegistry,
  WrongExpectedVersionError,
  compareLogPositions,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../port/index.js';
import { openEnvelope, sealEnvelope } from './envelope.js';
import { connectKurrentLog, type KurrentLog } from './kurrent-log.js';
import {
  END,
  canonicalJson,
  namespaceFilter,
  positionOf,
  revisionAt,
  toReadPosition,
  toStreamState,
  typesFilter,
  versionOf,
} from './mapping.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL = Number.MAX_SAFE_INTEGER;

export interface KurrentDbEventStoreOptions {
  /**
   * Prefix of every stream name this service writes (`proposal-1` is `portfolio.proposal-1` in KurrentDB). The
   * global log is `$all` filtered to it, so other applications and system events on the same cluster stay out.
   */
  readonly streamPrefix?: string;
}

export const DEFAULT_STREAM_PREFIX = 'portfolio.';

interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * The event store on KurrentDB (or EventStoreDB 20+) through the official gRPC client. Streams map one to one
 * (under a prefix), expected versions to expected revisions, and the global log is `$all` with its commit/prepare
 * position. Every append reads its events back: that gives each event's position and tells a fresh write from one
 * the server answered idempotently (the stored append id is another call's).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new PollingSubscriptions(
    (o) => this.readAll(o),
    () => this.headPosition(),
  );
  private readonly prefix: string;

  constructor(
    private readonly log: KurrentLog,
    private readonly upcasters = new UpcasterRegistry(),
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.prefix = options.streamPrefix ?? DEFAULT_STREAM_PREFIX;
    if (!this.prefix || this.prefix.startsWith('$')) throw new Error(`stream prefix "${this.prefix}" must be non-empty and not a system ($) name`);
  }

  static connect(connectionString: string, upcasters?: UpcasterRegistry, options?: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(connectKurrentLog(connectionString), upcasters, options);
  }

  /** KurrentDB has no schema to create; reading the head proves at start that the server answers. */
  async migrate(): Promise<void> {
    await this.headPosition();
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (!streamId) throw new InvalidAppendError('a stream id is required');
    if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
    const expected = options.expectedVersion ?? 'any';
    const streamState = toStreamState(expected);
    const prepared: PreparedEvent[] = events.map((e) => {
      const id = e.eventId ?? randomUUID();
      if (!UUID.test(id)) throw new InvalidAppendError(`event id ${id} is not a UUID`);
      if (!e.type) throw new InvalidAppendError('every event needs a type');
      if (!e.metadata?.actor?.subject) throw new InvalidAppendError(`event ${e.type} has no actor`);
      return { id: id.toLowerCase(), type: e.type, schemaVersion: e.schemaVersion ?? this.upcasters.currentVersion(e.type), data: e.data ?? null };
    });
    const ids = prepared.map((e) => e.id);
    if (new Set(ids).size !== ids.length) throw new InvalidAppendError('event ids within one append must differ');

    const appendId = randomUUID();
    const recordedAt = new Date();
    const payload: EventData[] = prepared.map((e, i) => ({
      id: e.id,
      contentType: 'application/json',
      type: e.type,
      data: e.data as JSONType,
      metadata: sealEnvelope(events[i].metadata, e.schemaVersion, recordedAt, appendId),
    }));
    const name = this.streamName(streamId);
    let lastRevision: bigint;
    try {
      ({ nextExpectedRevision: lastRevision } = await this.log.appendToStream(name, payload, streamState));
    } catch (err) {
      if (err instanceof KurrentWrongExpectedVersionError) throw await this.conflict(streamId, expected, ids, err);
      throw err;
    }

    // a fresh write and an idempotent one both answer with the revision of the last of these events
    const written = await this.readRange(name, lastRevision - BigInt(ids.length - 1), ids.length);
    if (written.length !== ids.length || written.some((r, i) => r.event?.id !== ids[i])) throw new IdempotencyViolationError(streamId, ids);
    const replay = openEnvelope(written[0].event!.metadata, name, written[0].event!.revision).appendId !== appendId;
    if (replay && !sameContent(prepared, written)) throw new IdempotencyViolationError(streamId, ids);
    const recorded = written.map((r) => this.toRecorded(r));
    if (!replay) this.subscriptions.notify(recorded.map((e) => e.type));
    const last = recorded[recorded.length - 1];
    return {
      streamId,
      nextExpectedVersion: last.streamPosition,
      lastPosition: last.position,
      lastGlobalPosition: last.globalPosition,
      globalPositions: recorded.map((e) => e.globalPosition),
      recordedAt: last.recordedAt,
      idempotentReplay: replay,
    };
  }

  /**
   * KurrentDB answers "wrong expected version" also when an append reuses some ids of an earlier append and not
   * others (its "corrupted idempotency"): tell the two apart the way the PostgreSQL adapter does.
   */
  private async conflict(streamId: string, expected: ExpectedVersion, ids: readonly string[], err: KurrentWrongExpectedVersionError): Promise<Error> {
    const actual = versionOf(err.actualState);
    // `any` never conflicts on versions, and `exists` only on an absent stream
    if (expected === 'any' || (expected === 'exists' && actual > 0)) return new IdempotencyViolationError(streamId, ids);
    const base = expected === 'no_stream' || expected === 'exists' ? 0 : expected;
    if (actual > base) {
      const [next] = await this.readRange(this.streamName(streamId), BigInt(base), 1);
      if (next?.event?.id === ids[0]) return new IdempotencyViolationError(streamId, ids);
    }
    return new WrongExpectedVersionError(streamId, expected, actual);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const name = this.streamName(streamId);
    if (options.direction === 'backwards') {
      if (options.fromVersion !== undefined && options.fromVersion < 1) return [];
      const from = options.fromVersion === undefined ? END : revisionAt(options.fromVersion);
      return (await this.read(name, BACKWARDS, from, options.maxCount ?? ALL)).map((r) => this.toRecorded(r));
    }
    const from = Math.max(1, options.fromVersion ?? 1);
    const upTo = options.toVersion === undefined ? ALL : options.toVersion - from + 1;
    return (await this.readRange(name, revisionAt(from), Math.min(options.maxCount ?? ALL, upTo))).map((r) => this.toRecorded(r));
  }

  async streamVersion(streamId: string): Promise<number> {
    const [last] = await this.read(this.streamName(streamId), BACKWARDS, END, 1);
    return last?.event ? Number(last.event.revision) + 1 : 0;
  }

  /**
   * `$all` after a position, filtered to this service. The server starts a read at the given position itself, so
   * one more event is asked for and everything at or before `after` is dropped: a redelivered batch never repeats.
   * A read of some types only also moves past the events it leaves out, up to the head read just before it: the log
   * is append-only and gap-free, so every event up to that head was there for the filtered read to find.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? LOG_START;
    const limit = options.limit ?? 1000;
    const types = options.types?.length ? options.types : null;
    const headBefore = types ? await this.headPosition() : LOG_START;
    const maxCount = limit + 1;
    const raw = await this.log.readAll({
      direction: FORWARDS,
      fromPosition: toReadPosition(after),
      maxCount,
      filter: types ? typesFilter(types) : namespaceFilter(this.prefix),
    });
    const beyond = raw.filter((r) => compareLogPositions(positionOf(r), after) > 0);
    const events: RecordedEvent[] = [];
    let lastPosition = after;
    let examined = 0;
    for (const r of beyond) {
      if (events.length === limit) break;
      examined += 1;
      lastPosition = positionOf(r);
      if (this.isOurs(r)) events.push(this.toRecorded(r));
    }
    const isEnd = raw.length < maxCount && examined === beyond.length;
    if (isEnd && compareLogPositions(headBefore, lastPosition) > 0) lastPosition = headBefore;
    return { events, lastPosition, isEnd };
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(options);
  }

  async headPosition(): Promise<LogPosition> {
    const [last] = await this.log.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: namespaceFilter(this.prefix) });
    return last ? positionOf(last) : LOG_START;
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.log.dispose();
  }

  private streamName(streamId: string): string {
    return `${this.prefix}${streamId}`;
  }

  /** A type-filtered read of `$all` sees every application's events of those types; and never system events. */
  private isOurs(r: ResolvedEvent): boolean {
    return !!r.event && r.event.streamId.startsWith(this.prefix) && !r.event.type.startsWith('$');
  }

  private readRange(name: string, fromRevision: bigint, count: number): Promise<ResolvedEvent[]> {
    return this.read(name, FORWARDS, fromRevision, count);
  }

  private async read(name: string, direction: typeof FORWARDS | typeof BACKWARDS, fromRevision: bigint | typeof END, maxCount: number): Promise<ResolvedEvent[]> {
    if (maxCount <= 0) return [];
    try {
      return await this.log.readStream(name, { direction, fromRevision, maxCount });
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
  }

  private toRecorded(r: ResolvedEvent): RecordedEvent {
    const e = r.event;
    if (!e) throw new Error('the server sent a link without its event');
    if (!e.isJson) throw new Error(`event ${e.revision} of ${e.streamId} is not JSON`);
    const envelope = openEnvelope(e.metadata, e.streamId, e.revision);
    const { version, data } = this.upcasters.upcast(e.type, envelope.schemaVersion, e.data, envelope.metadata);
    const position = positionOf(r);
    return {
      eventId: e.id,
      type: e.type,
      data,
      metadata: envelope.metadata,
      schemaVersion: version,
      streamId: e.streamId.slice(this.prefix.length),
      streamPosition: Number(e.revision) + 1,
      globalPosition: position.prepare,
      position,
      recordedAt: new Date(envelope.recordedAt),
    };
  }
}

/** A retry must carry what the first append wrote: the same types, schema versions and data (compared as stored, before upcasting). */
function sameContent(prepared: readonly PreparedEvent[], written: readonly ResolvedEvent[]): boolean {
  return prepared.every((p, i) => {
    const stored = written[i].event!;
    const envelope = openEnvelope(stored.metadata, stored.streamId, stored.revision);
    return p.type === stored.type && p.schemaVersion === envelope.schemaVersion && canonicalJson(p.data) === canonicalJson(stored.data);
  });
}
