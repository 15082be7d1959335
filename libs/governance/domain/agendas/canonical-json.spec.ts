import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, NotCanonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, B: 2, å: 3, a: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":2,"a":4,"b":1,"å":3}');
  });

  it('writes strings and numbers as JSON.stringify does, and -0 as 0', () => {
    expect(canonicalJson(['Ærø "kommune"\n', 1.5, -0, 1e21, 0.1])).toBe('["Ærø \\"kommune\\"\\n",1.5,0,1e+21,0.1]');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it.each<[string, unknown, string, string]>([
    ['NaN', { a: NaN }, '$.a', 'NaN is not a finite number'],
    ['Infinity', [1, Infinity], '$[1]', 'Infinity is not a finite number'],
    ['undefined as a value', { a: { b: undefined } }, '$.a.b', 'undefined is not a JSON value'],
    ['undefined at the top', undefined, '$', 'undefined is not a JSON value'],
    ['a hole in an array', [1, , 3], '$[1]', 'undefined is not a JSON value'],
    ['a function', { f: () => 1 }, '$.f', 'function is not a JSON value'],
    ['a bigint', { n: 1n }, '$.n', 'bigint is not a JSON value'],
    ['a Date', { at: new Date(0) }, '$.at', 'an instance of Date is not plain JSON'],
    ['a Map', { m: new Map() }, '$.m', 'an instance of Map is not plain JSON'],
  ])('refuses %s', (_, value, path, reason) => {
    expect(() => canonicalJson(value)).toThrow(new NotCanonicalJson(path, reason));
  });

  it('refuses a value that contains itself, but not one that repeats a shared part', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(NotCanonicalJson);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});

/** Rebuilds a value with every object's keys in a random order. */
function shuffledKeys(value: unknown, random: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((element) => shuffledKeys(element, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries.map(([key, element]) => [key, shuffledKeys(element, random)]));
}

const jsonArb = fc.jsonValue({ noUnicodeString: false });

describe('canonicalJson: properties', () => {
  it('is the same whatever the key order', () => {
    fc.assert(
      fc.property(jsonArb, fc.infiniteStream(fc.nat()), (value, stream) => {
        const numbers = stream[Symbol.iterator]();
        const random = (n: number) => numbers.next().value % n;
        expect(canonicalJson(shuffledKeys(value, random))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is valid JSON that parses back to an equal value, and is a fixed point', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('canonicalJson: plain objects', () => {
  it('accepts plain objects from another realm, and refuses class instances', () => {
    expect(canonicalJson(structuredClone({ b: [{ d: 1 }], a: 2 }))).toBe('{"a":2,"b":[{"d":1}]}');
    class Amount {
      constructor(readonly value: number) {}
    }
    expect(() => canonicalJson({ amount: new Amount(1) })).toThrow(new NotCanonicalJson('$.amount', 'an instance of Amount is not plain JSON'));
  });
});
