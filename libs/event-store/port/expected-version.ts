/**
 * What the writer believes about the stream: `any` (no check), `no_stream` (must not exist), `exists` (must exist),
 * or the exact current version (number of events in the stream).
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'exists' | number;

export function describeExpectedVersion(v: ExpectedVersion): string {
  return typeof v === 'number' ? `version ${v}` : v;
}

/** Pure check, shared by adapters that cannot push it into the database. `current` is 0 when the stream is absent. */
export function expectedVersionHolds(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'exists':
      return current > 0;
    default:
      return current === expected;
  }
}
