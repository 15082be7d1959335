import { readFile } from 'node:fs/promises';
import type { DigestDocument } from '../../../libs/integrity/domain/digest.js';
import { verifyEventLog } from '../../../libs/integrity/verify-event-log.js';
import type { CliIo } from '../cli-io.js';
import { openCliDatabase } from '../cli-database.js';
import { CommandFailed, UsageError } from '../exit-codes.js';
import { formatDuration, startProgress } from '../progress.js';

export interface VerifyCommandOptions {
  /** A digest kept outside the system (JSON as `GET /v1/integrity/digests/latest` answered it). */
  readonly digest?: string;
  readonly json: boolean;
}

/** Recomputes every hash and link of the log; a broken log fails (exit 1) and names its first broken link. */
export async function verifyCommand(io: CliIo, options: VerifyCommandOptions): Promise<void> {
  const digest = options.digest ? await readDigest(options.digest) : undefined;
  const db = await openCliDatabase(io);
  try {
    const progress = startProgress(io, { label: 'verify', unit: 'events', total: null });
    let report;
    try {
      report = await verifyEventLog(db.pool, { signal: io.signal, digest, onProgress: (p) => progress.update(p.verifiedEvents, p.totalEvents) });
    } catch (error) {
      progress.stop(io.signal.aborted ? 'verification stopped' : 'verification failed to run');
      throw error;
    }
    const against = report.digest ? `, heads checked against digest #${report.digest.sequence} (${report.digest.source})` : ', no digest to check heads against';
    progress.finish(`verified ${report.events.toLocaleString('en-US')} events in ${report.streams.toLocaleString('en-US')} streams in ${formatDuration(report.durationMs / 1000)}${against}`);
    if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.intact) {
      const link = report.firstBrokenLink!;
      throw new CommandFailed(
        `the log is NOT intact: ${report.brokenLinks} broken link(s); the first: ${link.problem} at stream ${link.streamId ?? '?'} ` +
          `version ${link.version ?? '?'} (global position ${link.globalPosition ?? 'none'}): ${link.detail}`,
      );
    }
    if (!options.json) io.stdout.write('intact\n');
  } finally {
    await db.close();
  }
}

async function readDigest(file: string): Promise<DigestDocument> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DigestDocument;
  } catch (error) {
    throw new UsageError(`--digest ${file}: not a readable JSON digest (${(error as Error).message})`);
  }
}
