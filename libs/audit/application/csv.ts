import type { AuditEvent } from './audit-event.js';

/** The export's columns: one row per event; data and metadata as JSON text. */
export const CSV_COLUMNS = [
  'position',
  'globalPosition',
  'recordedAt',
  'streamId',
  'version',
  'eventId',
  'type',
  'schemaVersion',
  'organisationId',
  'actorSubject',
  'actorRoles',
  'correlationId',
  'causationId',
  'requestId',
  'reason',
  'data',
  'metadata',
] as const;

// A spreadsheet runs a cell that starts like a formula (CWE-1236); a leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text that a
 * spreadsheet would run as a formula gets a leading apostrophe; the NDJSON export is the exact one.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;

export function csvRow(e: AuditEvent): string {
  const m = e.metadata;
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    position: e.position,
    globalPosition: e.globalPosition,
    recordedAt: e.recordedAt,
    streamId: e.streamId,
    version: e.version,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    organisationId: e.organisationId,
    actorSubject: m.actor?.subject,
    actorRoles: (m.actor?.roles ?? []).join(' '),
    correlationId: m.correlationId,
    causationId: m.causationId,
    requestId: m.requestId,
    reason: m.reason,
    data: JSON.stringify(e.data),
    metadata: JSON.stringify(m),
  };
  return `${CSV_COLUMNS.map((c) => csvField(values[c])).join(',')}\r\n`;
}
