import { canonicalHeads, digestOfCanonicalHeads, parseCanonicalHeads, type StreamHead } from './stream-heads.js';

/** A digest as listed: which log position it covers and its SHA-256, without the heads. */
export interface DigestSummary {
  readonly sequence: number;
  readonly recordedAt: string;
  /** `system` for the periodic digest, the acting subject for one recorded on demand. */
  readonly recordedBy: string;
  /** The log position (`commit.prepare`, as in X-Log-Position) up to which every event is covered. */
  readonly position: string;
  readonly streams: number;
  readonly events: number;
  /** SHA-256 of the UTF-8 bytes of `canonicalHeads`, in hex. */
  readonly digest: string;
}

/** A digest with its heads: what to keep outside the system, and what verify can be given back. */
export interface DigestDocument extends DigestSummary {
  readonly algorithm: 'SHA-256';
  /** JSON array of [streamId, version, hash], ordered by the stream id's UTF-8 bytes (see canonicalHeads). */
  readonly canonicalHeads: string;
}

export class InvalidDigestDocument extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidDigestDocument';
  }
}

export function digestDocument(summary: Omit<DigestSummary, 'digest' | 'streams' | 'events'>, heads: readonly StreamHead[]): DigestDocument {
  const text = canonicalHeads(heads);
  return {
    ...summary,
    streams: heads.length,
    events: heads.reduce((sum, h) => sum + h.version, 0),
    digest: digestOfCanonicalHeads(text),
    algorithm: 'SHA-256',
    canonicalHeads: text,
  };
}

/** The heads of a digest kept outside, after checking that they are canonical and hash to its digest. */
export function headsOfDigest(document: Pick<DigestDocument, 'digest' | 'canonicalHeads'>): StreamHead[] {
  let heads: StreamHead[];
  try {
    heads = parseCanonicalHeads(document.canonicalHeads);
  } catch (err) {
    throw new InvalidDigestDocument('canonicalHeads', (err as Error).message);
  }
  if (digestOfCanonicalHeads(document.canonicalHeads) !== document.digest) {
    throw new InvalidDigestDocument('digest', 'is not the SHA-256 of canonicalHeads');
  }
  return heads;
}
