import { createHash } from 'node:crypto';

/** A stream's last version and the hash of the event at that version (64 lower-case hex digits). */
export interface StreamHead {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Stream ids in the order of their UTF-8 bytes: the same order on every machine, in every locale. */
function byUtf8(a: StreamHead, b: StreamHead): number {
  return Buffer.compare(Buffer.from(a.streamId, 'utf8'), Buffer.from(b.streamId, 'utf8'));
}

/**
 * The canonical form of a set of stream heads, which a digest is the SHA-256 of: a JSON array (no whitespace, as
 * JSON.stringify writes it) of `[streamId, version, hash]`, ordered by the stream id's UTF-8 bytes.
 */
export function canonicalHeads(heads: readonly StreamHead[]): string {
  return JSON.stringify([...heads].sort(byUtf8).map((h) => [h.streamId, h.version, h.hash]));
}

/** SHA-256 of the canonical heads' UTF-8 bytes, in hex. */
export function digestOfCanonicalHeads(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export class InvalidStreamHeads extends Error {
  constructor(readonly reason: string) {
    super(`the heads are not canonical stream heads: ${reason}`);
    this.name = 'InvalidStreamHeads';
  }
}

/** Reads canonical heads back; refuses anything that would not write back to the very same text. */
export function parseCanonicalHeads(canonical: string): StreamHead[] {
  let raw: unknown;
  try {
    raw = JSON.parse(canonical);
  } catch {
    throw new InvalidStreamHeads('not JSON');
  }
  if (!Array.isArray(raw)) throw new InvalidStreamHeads('not an array');
  const heads = raw.map((entry: unknown, i) => {
    if (!Array.isArray(entry) || entry.length !== 3) throw new InvalidStreamHeads(`entry ${i} is not [streamId, version, hash]`);
    const [streamId, version, hash] = entry as unknown[];
    if (typeof streamId !== 'string' || streamId === '') throw new InvalidStreamHeads(`entry ${i}: the stream id must be a non-empty string`);
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw new InvalidStreamHeads(`entry ${i}: the version must be a whole number from 1`);
    if (typeof hash !== 'string' || !HEX_HASH.test(hash)) throw new InvalidStreamHeads(`entry ${i}: the hash must be 64 lower-case hex digits`);
    return { streamId, version, hash };
  });
  if (new Set(heads.map((h) => h.streamId)).size !== heads.length) throw new InvalidStreamHeads('not in canonical form: a stream appears twice');
  if (canonicalHeads(heads) !== canonical) throw new InvalidStreamHeads('not in canonical form (order or spacing)');
  return heads;
}
