import {
  handleCommand,
  WrongExpectedVersionError,
  type Decider,
  type EventMetadata,
  type EventStore,
  type HandleResult,
  type RecordedEvent,
} from '../../../event-store/index.js';

/**
 * Organisation scope of the meeting calendar and agenda streams.
 *
 * A forum id (or a meeting id) is enough to address these streams, but neither the calendar's first commands
 * (SetRecurrenceRule, AddMeeting) nor PrepareAgenda carry the organisation, and the pure domain does not know
 * about it. So the application layer records the acting organisation in the metadata field `organisationId` of
 * every event it appends to these streams, and the stream belongs to the organisation named by its **first**
 * event (which can never change: the log is append-only). Every command and query on such a stream checks it:
 * another organisation's calendar or agenda is "not found", exactly like a proposal of another organisation.
 */
export const ORGANISATION_METADATA_KEY = 'organisationId';

/** The organisation an event was appended for, or null when it names none. */
export function organisationOf(event: RecordedEvent | undefined): string | null {
  const value = event?.metadata[ORGANISATION_METADATA_KEY];
  return typeof value === 'string' ? value : null;
}

/**
 * Who owns a stream: `undefined` when it does not exist, else the organisation of its first event (null when that
 * event names none, which no organisation then owns).
 */
export async function streamOwner(store: EventStore, streamId: string): Promise<string | null | undefined> {
  const [first] = await store.readStream(streamId, { maxCount: 1 });
  return first === undefined ? undefined : organisationOf(first);
}

export interface ScopedHandleResult<Event, State> extends HandleResult<State> {
  /** The events the decision produced (and that were appended); empty when nothing changed. */
  readonly decided: readonly Event[];
}

export interface ScopedCommandOptions {
  readonly organisationId: string;
  readonly metadata: EventMetadata;
  /** The caller's If-Match version; undefined to guard the append with the version just read. */
  readonly expectedVersion?: number;
  /** The error that says "not found" for this stream (another organisation's stream must not be revealed). */
  readonly notFound: () => Error;
}

/**
 * `handleCommand` on a stream owned by one organisation: refuses (as not found) a stream that another
 * organisation owns, stamps `organisationId` on the appended events, and creates a missing stream only with
 * `no_stream`, so two organisations racing to create the same stream cannot both succeed.
 */
export async function handleScopedCommand<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  /** The command, or a function of the current state that builds it (to fill a default from the stream). */
  command: Command | ((state: State) => Command),
  options: ScopedCommandOptions,
): Promise<ScopedHandleResult<Event, State>> {
  const owner = await streamOwner(store, streamId);
  const exists = owner !== undefined;
  const guard = () => {
    if (exists && owner !== options.organisationId) throw options.notFound();
  };
  // an If-Match naming a version of a stream that does not exist is stale, but only once the domain has had its say
  // (an unknown meeting or agenda is 404, not a version conflict)
  const staleIfMatch = !exists && options.expectedVersion !== undefined && options.expectedVersion > 0 ? options.expectedVersion : null;
  let decided: Event[] = [];
  const scopedDecider: Decider<Command, Event, State> = {
    ...decider,
    decide: (_command, s) => {
      const events = decider.decide(typeof command === 'function' ? (command as (state: State) => Command)(s) : command, s);
      if (events.length > 0 && staleIfMatch !== null) throw new WrongExpectedVersionError(streamId, staleIfMatch, 0);
      decided = events;
      return events;
    },
  };
  const result = await handleCommand(store, scopedDecider, streamId, command as Command, {
    metadata: { ...options.metadata, [ORGANISATION_METADATA_KEY]: options.organisationId },
    expectedVersion: exists ? options.expectedVersion : 0,
    guard,
  });
  return { ...result, decided };
}
