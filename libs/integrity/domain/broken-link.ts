/** What can be wrong with the log, found by recomputing it. */
export type BrokenLinkProblem =
  /** The stored hash does not match the event's stored content: the event was changed after it was written. */
  | 'content-altered'
  /** The event's previous hash is not the hash of the event before it: that event was rewritten, or this one. */
  | 'chain-broken'
  /** Versions before this event are missing from its stream: events were deleted. */
  | 'events-missing'
  /** The stream ends before the version a digest recorded: its tail was deleted. */
  | 'tail-missing'
  /** A stream a digest recorded is gone. */
  | 'stream-missing'
  /** The event at the version a digest recorded no longer has the hash the digest recorded: the stream was rewritten. */
  | 'head-rewritten'
  /** A digest does not match its own heads, or differs from the copy kept outside: the digests were altered. */
  | 'digest-altered';

export interface BrokenLink {
  readonly streamId: string | null;
  readonly version: number | null;
  /** The global position of the event where the break shows; null where that event no longer exists. */
  readonly globalPosition: string | null;
  readonly problem: BrokenLinkProblem;
  readonly detail: string;
}

/**
 * The order in which breaks are reported: an altered digest first (the head checks against it cannot be trusted),
 * then by the global position of the event where a break shows (the earliest first), then breaks without one
 * (deleted events) by stream and version.
 */
export function compareBrokenLinks(a: BrokenLink, b: BrokenLink): number {
  const digestFirst = Number(b.problem === 'digest-altered') - Number(a.problem === 'digest-altered');
  if (digestFirst !== 0) return digestFirst;
  if (a.globalPosition !== null && b.globalPosition !== null) {
    const [x, y] = [BigInt(a.globalPosition), BigInt(b.globalPosition)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.globalPosition !== null) return -1;
  if (b.globalPosition !== null) return 1;
  const byStream = (a.streamId ?? '').localeCompare(b.streamId ?? '');
  return byStream !== 0 ? byStream : (a.version ?? 0) - (b.version ?? 0);
}

/** One event as the chain check sees it: how its link to the previous event and its own hash came out. */
export interface ChainObservation {
  readonly streamId: string;
  readonly version: number;
  readonly globalPosition: string;
  readonly contentMatches: boolean;
  /** The version of the event before it in its stream, as stored; null when there is none. */
  readonly predecessorVersion: number | null;
  /** True when the previous hash is that event's hash (or 32 zero bytes for version 1). */
  readonly previousHashMatches: boolean;
}

/** The break an observation shows, or null when the event and its link are sound. */
export function brokenLinkOf(o: ChainObservation): BrokenLink | null {
  const at = { streamId: o.streamId, version: o.version, globalPosition: o.globalPosition };
  const expectedBefore = o.version - 1;
  if (o.version > 1 && o.predecessorVersion !== expectedBefore) {
    const from = (o.predecessorVersion ?? 0) + 1;
    const missing = from === expectedBefore ? `version ${from} is` : `versions ${from} to ${expectedBefore} are`;
    return { ...at, problem: 'events-missing', detail: `${missing} missing before version ${o.version} of stream ${o.streamId}: events were deleted` };
  }
  if (!o.contentMatches) {
    return { ...at, problem: 'content-altered', detail: `the stored hash of version ${o.version} of stream ${o.streamId} does not match its content: the event was changed after it was written` };
  }
  if (!o.previousHashMatches) {
    const before = o.version === 1 ? 'the start of a stream (32 zero bytes)' : `the hash of version ${expectedBefore}`;
    return { ...at, problem: 'chain-broken', detail: `the previous hash of version ${o.version} of stream ${o.streamId} is not ${before}: one of the two events was rewritten` };
  }
  return null;
}

/** A digest's head compared with the log now. */
export interface HeadObservation {
  readonly streamId: string;
  readonly version: number;
  /** The stream's version now; 0 when it is gone. */
  readonly currentVersion: number;
  /** The hash of the event at the digest's version now; null when that event is gone. */
  readonly hashNow: string | null;
  readonly hashRecorded: string;
  /** The global position of the event at the digest's version now; null when it is gone. */
  readonly globalPositionNow: string | null;
  readonly digestSequence: string;
}

export function brokenHeadOf(o: HeadObservation): BrokenLink | null {
  const digest = `digest #${o.digestSequence}`;
  if (o.currentVersion === 0) {
    return { streamId: o.streamId, version: 1, globalPosition: null, problem: 'stream-missing', detail: `stream ${o.streamId} is gone; ${digest} recorded it at version ${o.version}` };
  }
  if (o.currentVersion < o.version) {
    const missing = o.currentVersion + 1 === o.version ? `version ${o.version} is` : `versions ${o.currentVersion + 1} to ${o.version} are`;
    return { streamId: o.streamId, version: o.currentVersion + 1, globalPosition: null, problem: 'tail-missing', detail: `${missing} missing from the end of stream ${o.streamId}; ${digest} recorded version ${o.version}` };
  }
  if (o.hashNow !== o.hashRecorded) {
    return { streamId: o.streamId, version: o.version, globalPosition: o.globalPositionNow, problem: 'head-rewritten', detail: `version ${o.version} of stream ${o.streamId} no longer has the hash ${digest} recorded: the stream was rewritten` };
  }
  return null;
}
