import type { EventStore, AppendResult } from '../port/event-store.js';
import type { EventMetadata, RecordedEvent } from '../port/events.js';
import type { ExpectedVersion } from '../port/expected-version.js';
import { WrongExpectedVersionError } from '../port/errors.js';

/** The pure heart of an aggregate: `decide(command, state) -> events`, `evolve(state, event) -> state`. */
export interface Decider<Command, Event extends { type: string; data: unknown }, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface LoadedAggregate<State> {
  readonly state: State;
  /** The stream's version: 0 when it does not exist. */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

export interface HandleOptions {
  readonly metadata: EventMetadata;
  /** The version the caller saw (If-Match). When absent, the version just read guards the append. */
  readonly expectedVersion?: number;
  /** Runs on the loaded state before deciding: where access rules (e.g. organisation scope) refuse a command. */
  readonly guard?: (state: unknown) => void;
  /**
   * The stream is new (its id was just generated): skip reading it. Should it exist after all, the append's
   * `no_stream` expectation refuses it.
   */
  readonly newStream?: boolean;
}

/** What a fold needs of an event; the stream after a command is the loaded events plus the ones just appended. */
export type StreamEvent = Pick<RecordedEvent, 'type' | 'data' | 'recordedAt' | 'streamPosition'>;

export interface HandleResult<State> {
  readonly state: State;
  readonly version: number;
  /** Null when the decision produced no events (e.g. an amendment that changes nothing). */
  readonly append: AppendResult | null;
  /** The whole stream after the command, so callers can build views without reading it again. */
  readonly stream: readonly StreamEvent[];
}

/** Folds a stream with a decider's `evolve`, optionally only up to a version (for history views). */
export async function loadAggregate<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  toVersion?: number,
): Promise<LoadedAggregate<State>> {
  const events = await store.readStream(streamId, { toVersion });
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, { type: e.type, data: e.data } as Event);
  return { state, version: events.length ? events[events.length - 1].streamPosition : 0, events };
}

/**
 * Runs one command: read the stream, decide, append with the version read (or the caller's If-Match version) as
 * the expected version. A concurrent writer makes the append fail with WrongExpectedVersionError: never a lost update.
 */
export async function handleCommand<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
  options: HandleOptions,
): Promise<HandleResult<State>> {
  const loaded: LoadedAggregate<State> = options.newStream
    ? { state: decider.initialState(), version: 0, events: [] }
    : await loadAggregate(store, decider, streamId);
  options.guard?.(loaded.state);
  const expected: ExpectedVersion = options.expectedVersion ?? (loaded.version === 0 ? 'no_stream' : loaded.version);
  // an absent stream is the domain's to judge (usually "not found"), not a version conflict
  if (typeof expected === 'number' && expected !== loaded.version && loaded.version > 0) {
    // the caller's view is stale: refuse before deciding on a state they did not see
    throw new WrongExpectedVersionError(streamId, expected, loaded.version);
  }
  const events = decider.decide(command, loaded.state);
  if (events.length === 0) return { state: loaded.state, version: loaded.version, append: null, stream: loaded.events };
  const append = await store.append(
    streamId,
    events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
    { expectedVersion: expected === 0 ? 'no_stream' : expected },
  );
  const state = events.reduce((s, e) => decider.evolve(s, e), loaded.state);
  const first = append.nextExpectedVersion - events.length + 1;
  const appended = events.map((e, i) => ({ type: e.type, data: e.data, recordedAt: append.recordedAt, streamPosition: first + i }));
  return { state, version: append.nextExpectedVersion, append, stream: [...loaded.events, ...appended] };
}
