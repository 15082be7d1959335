import {
  KurrentDBClient,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type Direction,
  type EventData,
  type Filter,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';

export interface LogReadStreamOptions {
  readonly direction: Direction;
  readonly fromRevision: ReadRevision;
  readonly maxCount: number;
}

export interface LogReadAllOptions {
  readonly direction: Direction;
  readonly fromPosition: ReadPosition;
  readonly maxCount: number;
  readonly filter: Filter;
}

/**
 * The thin seam between the adapter and the KurrentDB client: the four calls the adapter makes, with the client's
 * own request and response types, reads collected into arrays. Everything the adapter decides (revisions, positions,
 * errors, metadata, upcasting, filters) sits above it, so it is unit-tested against recorded client responses
 * (`testing/recorded-log.ts`) and runs unchanged against a server through `clientLog`.
 */
export interface KurrentLog {
  appendToStream(streamName: string, events: EventData[], streamState: AppendStreamState): Promise<KurrentAppendResult>;
  /** Throws the client's `StreamNotFoundError` when the stream does not exist. */
  readStream(streamName: string, options: LogReadStreamOptions): Promise<ResolvedEvent[]>;
  readAll(options: LogReadAllOptions): Promise<AllStreamResolvedEvent[]>;
  dispose(): Promise<void>;
}

async function collect<T>(reads: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of reads) out.push(item);
  return out;
}

/**
 * The seam over a real client. Reads go to the leader: a read right after an append (the adapter reads its events
 * back) must see it, which a follower in a cluster does not promise.
 */
export function clientLog(client: KurrentDBClient): KurrentLog {
  return {
    appendToStream: (streamName, events, streamState) => client.appendToStream(streamName, events, { streamState }),
    readStream: (streamName, o) =>
      collect(client.readStream(streamName, { direction: o.direction, fromRevision: o.fromRevision, maxCount: o.maxCount, requiresLeader: true })),
    readAll: (o) =>
      collect(client.readAll({ direction: o.direction, fromPosition: o.fromPosition, maxCount: o.maxCount, filter: o.filter, requiresLeader: true })),
    dispose: () => client.dispose(),
  };
}

/** Connects lazily (the client dials on the first call) from a `kurrentdb://` connection string. */
export function connectKurrentLog(connectionString: string): KurrentLog {
  return clientLog(KurrentDBClient.connectionString(connectionString));
}
