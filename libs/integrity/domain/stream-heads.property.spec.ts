import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalHeads, digestOfCanonicalHeads, parseCanonicalHeads, type StreamHead } from './stream-heads.js';
import { headsOfDigest, InvalidDigestDocument, digestDocument } from './digest.js';

const head = fc.record({
  streamId: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  version: fc.integer({ min: 1, max: 1_000_000 }),
  hash: fc.stringMatching(/^[0-9a-f]{64}$/),
});
const heads = fc.uniqueArray(head, { selector: (h) => h.streamId, maxLength: 20 });

describe('canonical stream heads (property)', () => {
  it('do not depend on the order the heads come in, and read back to the same heads', () => {
    fc.assert(
      fc.property(heads, fc.infiniteStream(fc.nat()), (hs, rnd) => {
        const shuffled = [...hs].sort(() => (rnd.next().value % 3) - 1);
        const text = canonicalHeads(hs);
        expect(canonicalHeads(shuffled)).toBe(text);
        expect(canonicalHeads(parseCanonicalHeads(text))).toBe(text);
      }),
    );
  });

  it('change the digest when any head moves, appears or disappears', () => {
    fc.assert(
      fc.property(heads.filter((hs) => hs.length > 0), fc.nat(), (hs, pick) => {
        const i = pick % hs.length;
        const base = digestOfCanonicalHeads(canonicalHeads(hs));
        const moved: StreamHead[] = hs.map((h, j) => (j === i ? { ...h, version: h.version + 1 } : h));
        expect(digestOfCanonicalHeads(canonicalHeads(moved))).not.toBe(base);
        expect(digestOfCanonicalHeads(canonicalHeads(hs.filter((_, j) => j !== i)))).not.toBe(base);
      }),
    );
  });

  it('accept a kept digest only when it hashes to its heads', () => {
    fc.assert(
      fc.property(heads, (hs) => {
        const doc = digestDocument({ sequence: 1, recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'system', position: '1.1' }, hs);
        expect(doc.events).toBe(hs.reduce((n, h) => n + h.version, 0));
        expect(headsOfDigest(doc)).toHaveLength(hs.length);
        expect(() => headsOfDigest({ ...doc, digest: digestOfCanonicalHeads(`${doc.canonicalHeads} `) })).toThrow(InvalidDigestDocument);
      }),
    );
  });

  it('refuses heads that are not canonical', () => {
    const h = 'a'.repeat(64);
    expect(() => parseCanonicalHeads(`[["b",1,"${h}"],["a",1,"${h}"]]`)).toThrow(/canonical form/);
    expect(() => parseCanonicalHeads(`[["a",1,"${h}"],["a",2,"${h}"]]`)).toThrow(/canonical form/);
    expect(() => parseCanonicalHeads(`[["a", 1, "${h}"]]`)).toThrow(/canonical form/);
    expect(() => parseCanonicalHeads(`[["a",0,"${h}"]]`)).toThrow(/version/);
    expect(() => parseCanonicalHeads(`[["a",1,"${h.toUpperCase()}"]]`)).toThrow(/hash/);
    expect(() => parseCanonicalHeads('{')).toThrow(/not JSON/);
  });
});
