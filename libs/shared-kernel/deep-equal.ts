/**
 * Structural equality of JSON-like values (what forms and events are made of).
 * A key holding `undefined` counts as absent, as it would after a round trip through the event store.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keysA = definedKeys(recordA);
  const keysB = definedKeys(recordB);
  return keysA.length === keysB.length && keysA.every((key) => key in recordB && deepEqual(recordA[key], recordB[key]));
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
