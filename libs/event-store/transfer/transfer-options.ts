/** How a log transfer reports and stops. */
export interface TransferOptions<TProgress> {
  /** Checked between batches: a batch in flight finishes (and, for an import, commits) first. */
  readonly signal?: AbortSignal;
  /** Called after every batch with the running totals. */
  readonly onProgress?: (progress: TProgress) => void;
  /** Events per batch (default 1,000 for export, 500 for import). */
  readonly batchSize?: number;
}

/**
 * A transfer stopped by its signal, between two batches: everything counted in `progress` is done (exported lines
 * are whole, imported batches are committed), nothing else was started. Named AbortError, like Node's own.
 */
export class TransferAbortedError<TProgress> extends Error {
  constructor(readonly progress: TProgress) {
    super('the transfer was aborted between two batches');
    this.name = 'AbortError';
  }
}

/** The recorded time as exported and hashed: UTC with microseconds (a JavaScript Date keeps only milliseconds). */
export const RECORDED_AT_TEXT = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
