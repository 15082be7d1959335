import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { LogPosition } from '../../event-store/index.js';
import type { AuditEvent } from './audit-event.js';
import type { AuditFilter, AuditLog } from './audit-log.js';
import { csvHeader, csvRow } from './csv.js';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const BATCH = 1_000;

const FORMATS: Record<ExportFormat, { readonly header: () => string; readonly line: (e: AuditEvent) => string }> = {
  ndjson: { header: () => '', line: (e) => `${JSON.stringify(e)}\n` },
  csv: { header: csvHeader, line: csvRow },
};

/**
 * Streams every event the filter matches, up to the head as it was when the export began, in read order: one page of
 * the log at a time, written as it is read and never more than one page in memory; it waits whenever the client
 * reads slower than the database answers, and stops reading when the client goes away.
 */
export async function exportAuditEvents(log: AuditLog, filter: AuditFilter, format: ExportFormat, sink: Writable): Promise<number> {
  const { header, line } = FORMATS[format];
  const upTo = await log.head();
  let written = 0;
  let after: LogPosition | null = null;
  if (header()) await write(sink, header());
  do {
    if (sink.destroyed) return written;
    const page = await log.page(filter, after, BATCH, upTo);
    if (page.events.length) await write(sink, page.events.map(line).join(''));
    written += page.events.length;
    after = page.next;
  } while (after !== null);
  return written;
}

async function write(sink: Writable, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await Promise.race([once(sink, 'drain'), once(sink, 'close')]);
}
