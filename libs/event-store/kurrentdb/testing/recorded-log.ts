import {
  BACKWARDS,
  END,
  START,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '../../port/index.js';
import type { Envelope } from '../envelope.js';
import type { KurrentLog, LogReadAllOptions, LogReadStreamOptions } from '../kurrent-log.js';

/**
 * Client responses as the client hands them to the adapter: `ResolvedEvent`s exactly as its reader builds them
 * (`convertRustEvent`: a JSON event's data and metadata parsed, revision and positions as bigint, `created` a Date),
 * `AppendResult`s, and its own error classes (built with their public constructors). Typed against the client's
 * declarations, so a fixture that drifts from the client's shapes does not compile.
 */
export interface RecordedEventFixture {
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position: Position;
}

export function recordedEvent(f: RecordedEventFixture): AllStreamResolvedEvent {
  return { event: { ...recordedFields(f), position: f.position }, commitPosition: f.position.commit };
}

/** A stream read from a server before 22.6: no position on the event, only the commit position beside it. */
export function legacyRecordedEvent(f: RecordedEventFixture): ResolvedEvent {
  return { event: recordedFields(f), commitPosition: f.position.commit };
}

function recordedFields(f: RecordedEventFixture) {
  return {
    streamId: f.stream,
    id: f.id,
    revision: f.revision,
    type: f.type,
    data: f.data as Record<string, unknown>,
    metadata: f.metadata as Record<string, unknown>,
    isJson: true as const,
    created: new Date('2026-11-30T09:15:00.123Z'),
  };
}

export function envelopeFixture(metadata: EventMetadata, over: Partial<Envelope> = {}): Envelope {
  return {
    metadata,
    schemaVersion: 1,
    recordedAt: '2026-11-30T09:15:00.120Z',
    appendId: '00000000-0000-4000-8000-00000000a11d',
    $correlationId: metadata.correlationId,
    ...over,
  };
}

export type Request =
  | { readonly call: 'appendToStream'; readonly streamName: string; readonly events: EventData[]; readonly streamState: AppendStreamState }
  | { readonly call: 'readStream'; readonly streamName: string; readonly options: LogReadStreamOptions }
  | { readonly call: 'readAll'; readonly options: LogReadAllOptions };

/** One recorded answer: the value the client resolved with, or the error it threw. */
export type Answer = KurrentAppendResult | ResolvedEvent[] | AllStreamResolvedEvent[] | Error;

/**
 * A KurrentLog that replays recorded answers in order and keeps every request for the test to inspect. An append
 * can be answered by a function of its request, for answers that depend on what the adapter sent (its append id).
 */
export class RecordedLog implements KurrentLog {
  readonly requests: Request[] = [];
  disposed = false;

  constructor(private readonly answers: Array<Answer | ((request: Request) => Answer)> = []) {}

  answer(...more: Array<Answer | ((request: Request) => Answer)>): this {
    this.answers.push(...more);
    return this;
  }

  async appendToStream(streamName: string, events: EventData[], streamState: AppendStreamState): Promise<KurrentAppendResult> {
    return this.next({ call: 'appendToStream', streamName, events, streamState }) as KurrentAppendResult;
  }

  async readStream(streamName: string, options: LogReadStreamOptions): Promise<ResolvedEvent[]> {
    return this.next({ call: 'readStream', streamName, options }) as ResolvedEvent[];
  }

  async readAll(options: LogReadAllOptions): Promise<AllStreamResolvedEvent[]> {
    return this.next({ call: 'readAll', options }) as AllStreamResolvedEvent[];
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private next(request: Request): Answer {
    this.requests.push(request);
    const recorded = this.answers.shift();
    if (recorded === undefined) throw new Error(`no recorded answer for ${request.call} (request ${this.requests.length})`);
    const answer = typeof recorded === 'function' ? recorded(request) : recorded;
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

/**
 * `$all` as a recorded list of events, answering reads the way the server pages it: forwards from a position
 * (inclusive, or exclusive with `exclusiveStart` — the adapter must be right either way), backwards from the end,
 * at most `maxCount` events, filtered by stream-name prefixes or an event-type regex.
 */
export class RecordedAll implements KurrentLog {
  readonly reads: LogReadAllOptions[] = [];

  constructor(
    private readonly all: readonly AllStreamResolvedEvent[],
    private readonly exclusiveStart = false,
  ) {}

  async appendToStream(): Promise<KurrentAppendResult> {
    throw new Error('RecordedAll only answers reads of $all');
  }

  async readStream(): Promise<ResolvedEvent[]> {
    throw new Error('RecordedAll only answers reads of $all');
  }

  async readAll(options: LogReadAllOptions): Promise<AllStreamResolvedEvent[]> {
    this.reads.push(options);
    const f = options.filter;
    const matches = (r: AllStreamResolvedEvent) =>
      'prefixes' in f ? f.prefixes.some((p) => r.event!.streamId.startsWith(p)) : new RegExp(f.regex).test(r.event!.type);
    const key = (p: Position) => [p.commit, p.prepare] as const;
    const at = (r: AllStreamResolvedEvent) => key(r.event!.position);
    const cmp = (a: readonly bigint[], b: readonly bigint[]) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    let events = this.all.filter(matches);
    if (options.direction === BACKWARDS) {
      if (options.fromPosition !== END) throw new Error('backwards reads start at the end here');
      events = [...events].reverse();
    } else if (options.fromPosition !== START && options.fromPosition !== END) {
      const from = key(options.fromPosition);
      events = events.filter((r) => (this.exclusiveStart ? cmp(at(r), from) > 0 : cmp(at(r), from) >= 0));
    }
    return events.slice(0, options.maxCount);
  }

  async dispose(): Promise<void> {}
}
