import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { exportLog, type ExportFilter } from '../../../libs/event-store/transfer/export-log.js';
import { exportPersonKeys } from '../../../libs/personal-data/store/key-transfer.js';
import type { CliIo } from '../cli-io.js';
import { openCliDatabase } from '../cli-database.js';
import { formatDuration, startProgress } from '../progress.js';

export interface ExportCommandOptions {
  readonly out?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly stream?: string[];
  readonly streamPrefix?: string;
  /** Also write the personal-data keys here (a secret; owner-only file). Without them a restore reads people as erased. */
  readonly keys?: string;
}

/**
 * The log as NDJSON, one event per line, to stdout or a file. A file is written under a temporary name and renamed
 * when complete, so an interrupted export never leaves a file that looks whole.
 */
export async function exportCommand(io: CliIo, options: ExportCommandOptions): Promise<void> {
  const filter: ExportFilter = { from: options.from, to: options.to, streams: options.stream, streamPrefix: options.streamPrefix };
  const db = await openCliDatabase(io);
  const partial = options.out ? `${options.out}.partial` : null;
  try {
    const total = await countMatching(db.pool, filter);
    const progress = startProgress(io, { label: 'export', unit: 'events', total });
    const sink = partial ? createWriteStream(partial, { flags: 'wx' }) : io.stdout;
    const started = Date.now();
    try {
      const result = await exportLog(db.pool, filter, sink, { signal: io.signal, onProgress: (p) => progress.update(p.exported) });
      if (partial) {
        sink.end();
        await finished(sink);
        await rename(partial, options.out!);
      }
      progress.finish(`exported ${result.exported.toLocaleString('en-US')} events in ${formatDuration((Date.now() - started) / 1000)}${options.out ? ` to ${options.out}` : ''}`);
      if (options.keys) await writeKeys(db.pool, options.keys, io);
    } catch (error) {
      progress.stop(io.signal.aborted ? 'export stopped; no file was written' : 'export failed; no file was written');
      throw error;
    }
  } finally {
    if (partial) await rm(partial, { force: true });
    await db.close();
  }
}

/** The keys beside the log, written whole or not at all, readable by the owner only. */
async function writeKeys(pool: pg.Pool, file: string, io: CliIo): Promise<void> {
  const partial = `${file}.partial`;
  try {
    const sink = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    const result = await exportPersonKeys(pool, sink);
    sink.end();
    await finished(sink);
    await rename(partial, file);
    io.stderr.write(`exported the personal-data keys of ${result.people.toLocaleString('en-US')} people (${result.erased.toLocaleString('en-US')} erased) to ${file}: keep it as secret as the data\n`);
  } finally {
    await rm(partial, { force: true });
  }
}

/** The events the filter selects, for the progress bar (the export itself stops at the head it starts from). */
async function countMatching(pool: pg.Pool, filter: ExportFilter): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::bigint AS n FROM es_events
      WHERE ($1::timestamptz IS NULL OR recorded_at >= $1) AND ($2::timestamptz IS NULL OR recorded_at < $2)
        AND ($3::text[] IS NULL OR stream_id = ANY ($3)) AND ($4::text IS NULL OR left(stream_id, length($4)) = $4)`,
    [filter.from ?? null, filter.to ?? null, filter.streams ?? null, filter.streamPrefix ?? null],
  );
  return Number(rows[0].n);
}
