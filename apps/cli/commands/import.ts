import { createReadStream } from 'node:fs';
import { TransferAbortedError } from '../../../libs/event-store/transfer/transfer-options.js';
import { importLog, ImportRejectedError, type ImportResult } from '../../../libs/event-store/transfer/import-log.js';
import { importPersonKeys } from '../../../libs/personal-data/store/key-transfer.js';
import type { CliIo } from '../cli-io.js';
import { openCliDatabase } from '../cli-database.js';
import { CommandFailed } from '../exit-codes.js';
import { formatDuration, startProgress } from '../progress.js';

const count = (n: number) => n.toLocaleString('en-US');
const done = (r: ImportResult) => `${count(r.imported)} imported, ${count(r.skipped)} already present`;

/**
 * Appends an export (a file, or stdin for "-") to the log, each batch in one transaction. Idempotent by event id:
 * a rerun after an interruption or a failure skips what is there and completes.
 */
export async function importCommand(io: CliIo, file: string, options: { keys?: string } = {}): Promise<void> {
  const fromStdin = file === '-';
  const total = fromStdin ? null : await countLines(file);
  const db = await openCliDatabase(io);
  try {
    const progress = startProgress(io, { label: 'import', unit: 'events', total });
    const started = Date.now();
    try {
      const result = await importLog(db.pool, fromStdin ? io.stdin : createReadStream(file), {
        signal: io.signal,
        onProgress: (p) => progress.update(p.imported + p.skipped),
      });
      progress.finish(`import done in ${formatDuration((Date.now() - started) / 1000)}: ${done(result)}`);
      if (options.keys) {
        const keys = await importPersonKeys(db.pool, createReadStream(options.keys));
        io.stderr.write(`imported the personal-data keys of ${count(keys.people)} people (${count(keys.erased)} erased)\n`);
      }
    } catch (error) {
      if (error instanceof TransferAbortedError) {
        progress.stop(`import stopped between batches: ${done(error.progress as ImportResult)} (committed); run it again to complete`);
      } else if (error instanceof ImportRejectedError) {
        progress.stop(`import refused; the batches before stay committed: ${done(error.progress)}`);
        throw new CommandFailed(error.message);
      } else {
        progress.stop('import failed; committed batches stay, a rerun skips them');
      }
      throw error;
    }
  } finally {
    await db.close();
  }
}

/** Events in an export file: one per non-empty line. A quick pass for the progress bar's total. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      if ((i > 0 ? chunk[i - 1] : last) !== 0x0a) lines++;
    }
    last = chunk.at(-1) ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}
