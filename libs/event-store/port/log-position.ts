/**
 * A point in the global read order. PostgreSQL adapters: `commit` is the writing transaction's id and `prepare`
 * the event's sequence number; KurrentDB: its commit and prepare positions. Ordered by commit, then prepare.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event of any log. */
export const LOG_START: LogPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Opaque text form used in HTTP headers (`X-Log-Position`, `X-Min-Position`). */
export function formatLogPosition(p: LogPosition): string {
  return `${p.commit}.${p.prepare}`;
}

export function parseLogPosition(text: string): LogPosition | null {
  const m = /^(\d{1,20})\.(\d{1,20})$/.exec(text.trim());
  return m ? { commit: BigInt(m[1]), prepare: BigInt(m[2]) } : null;
}
