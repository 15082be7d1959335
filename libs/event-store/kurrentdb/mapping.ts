import {
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  ANY,
  eventTypeFilter,
  streamNameFilter,
  type AppendStreamState,
  type CurrentStreamState,
  type Filter,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { InvalidAppendError, LOG_START, compareLogPositions, type ExpectedVersion, type LogPosition } from '../port/index.js';

/**
 * Versions and revisions: the port counts events (version n = n events, 0 = absent), KurrentDB numbers them from 0
 * (the revision of the last event, `no_stream` when absent). Version n is revision n - 1.
 */
export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new InvalidAppendError(`expected version ${expected} is not a version`);
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

export function versionOf(state: CurrentStreamState): number {
  return state === NO_STREAM ? 0 : Number(state) + 1;
}

/** The revision of the event at 1-based stream position `version`. */
export const revisionAt = (version: number): bigint => BigInt(version - 1);

/**
 * Where an event sits in `$all`. Reads of `$all` always carry it; stream reads carry it from server 22.6 on, and
 * older servers send only the commit position, which for events written by one append call (each its own
 * implicitly committed prepare) is also the prepare position.
 */
export function positionOf(resolved: ResolvedEvent): LogPosition {
  const position = resolved.event?.position;
  if (position) return { commit: position.commit, prepare: position.prepare };
  if (resolved.commitPosition !== undefined) return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  throw new Error(`the server sent event ${resolved.event?.id ?? '(none)'} without a log position`);
}

export function toReadPosition(after: LogPosition): ReadPosition {
  return compareLogPositions(after, LOG_START) === 0 ? START : { commit: after.commit, prepare: after.prepare };
}

export { END, START };

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The service's share of `$all`: every stream whose name starts with the prefix (system `$` streams never do). */
export function namespaceFilter(streamPrefix: string): Filter {
  return streamNameFilter({ prefixes: [streamPrefix] });
}

/** Exactly these event types. KurrentDB takes one filter per read, so the stream prefix is then checked by the adapter. */
export function typesFilter(types: readonly string[]): Filter {
  return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
}

/** JSON with object keys sorted, so that two documents compare by content whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
