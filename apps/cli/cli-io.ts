/** Where a command reads its settings and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Results (tables, NDJSON, tokens): what a pipe or a redirect receives. */
  readonly stdout: NodeJS.WritableStream;
  /** Progress, summaries and errors, so that they never mix with results. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: long commands stop between batches. */
  readonly signal: AbortSignal;
}

/** A line on stderr. */
export function say(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`);
}
