/**
 * One byte-exact JSON text per value, so a content hash means the content and not how it happened to be built or
 * stored (PostgreSQL jsonb, for one, reorders keys). Version 'sorted-keys-json-v1':
 * - object keys sorted by UTF-16 code units (JavaScript's default sort, as in RFC 8785), recursively;
 * - no whitespace; strings and numbers exactly as JSON.stringify writes them (so -0 is written 0);
 * - only null, booleans, finite numbers, strings, arrays and plain objects. Anything else (undefined, NaN, Infinity,
 *   functions, Dates, Maps, class instances, cycles) is refused rather than silently dropped or converted, because a
 *   value that does not survive a round trip through JSON cannot be verified later.
 */
export const CANONICALISATION = 'sorted-keys-json-v1';

/** The value cannot be written canonically; `path` points at the offending part ('$.items[0].scores'). */
export class NotCanonicalJson extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'NotCanonicalJson';
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalJson(path, `${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, ancestors);
    default:
      throw new NotCanonicalJson(path, `${typeof value} is not a JSON value`);
  }
}

function writeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new NotCanonicalJson(path, 'the value contains itself');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const elements: string[] = [];
      // An index loop rather than map(), which skips holes: a hole is undefined and must be refused.
      for (let index = 0; index < value.length; index++) elements.push(write(value[index], `${path}[${index}]`, ancestors));
      return `[${elements.join(',')}]`;
    }
    // Plain means the prototype is null or an Object.prototype, of any realm (jest, vm and structuredClone make others).
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
      throw new NotCanonicalJson(path, `an instance of ${prototype?.constructor?.name ?? 'an unnamed class'} is not plain JSON`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) throw new NotCanonicalJson(path, 'symbol keys are not JSON');
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
