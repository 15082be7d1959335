import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { AgendaPack } from './agenda-pack.js';
import { canonicalJson } from './canonical-json.js';
import { hashAgendaPack, verifyPack } from './content-hash.js';
import { aPack, dkk } from './testing-fixtures.js';

/** The pack with the keys of every object reversed. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, element]) => [key, reversedKeys(element)])) as T;
}

/** Every path to a leaf (string, number, boolean) of a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return value === null ? [] : [path];
  return Object.entries(value).flatMap(([key, element]) => leafPaths(element, [...path, Array.isArray(value) ? Number(key) : key]));
}

function withLeafChanged(pack: AgendaPack, path: (string | number)[]): AgendaPack {
  const copy = structuredClone(pack) as unknown as Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  const key = path.at(-1)!;
  const leaf = parent[key];
  parent[key] = typeof leaf === 'number' ? leaf + 1 : typeof leaf === 'boolean' ? !leaf : `${String(leaf)}.`;
  return copy as unknown as AgendaPack;
}

describe('hashAgendaPack', () => {
  it('is the SHA-256 hex of the canonical JSON', () => {
    const pack = aPack();
    expect(hashAgendaPack(pack)).toBe(createHash('sha256').update(canonicalJson(pack)).digest('hex'));
    expect(hashAgendaPack(pack)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change with key order', () => {
    expect(hashAgendaPack(reversedKeys(aPack()))).toBe(hashAgendaPack(aPack()));
  });

  it('changes with any change of content, however small', () => {
    const pack = aPack();
    const paths = leafPaths(pack);
    expect(paths.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(fc.constantFrom(...paths), (path) => {
        expect(hashAgendaPack(withLeafChanged(pack, path))).not.toBe(hashAgendaPack(pack));
      }),
      { numRuns: paths.length * 3 },
    );
  });

  it('changes when a list is reordered or an item dropped', () => {
    const pack = aPack();
    const reordered = { ...pack, items: [...pack.items].reverse() };
    const shorter = { ...pack, unprioritisedRequests: [] };
    const amended = { ...pack, fundingPool: { ...pack.fundingPool!, committed: dkk(3_200_001) } };
    for (const changed of [reordered, shorter, amended]) expect(hashAgendaPack(changed)).not.toBe(hashAgendaPack(pack));
  });
});

describe('verifyPack', () => {
  it('accepts the pack the hash was made from, in any key order and after a JSON round trip', () => {
    const hash = hashAgendaPack(aPack());
    expect(verifyPack(aPack(), hash)).toBe(true);
    expect(verifyPack(reversedKeys(JSON.parse(JSON.stringify(aPack()))), hash)).toBe(true);
    expect(verifyPack(aPack(), hash.toUpperCase())).toBe(true);
  });

  it('refuses any other pack, and a pack JSON cannot carry, without throwing', () => {
    const hash = hashAgendaPack(aPack());
    expect(verifyPack(aPack('Digital mail for all citizens'), hash)).toBe(false);
    expect(verifyPack({ ...aPack(), scoringModel: { id: 'herning-importance', version: NaN } }, hash)).toBe(false);
  });
});
