import { createInterface } from 'node:readline';
import type { Pool } from 'pg';

/**
 * The personal-data keys travel beside a log export, never inside it: the log is hashed and kept for ever, a key
 * must be deletable. An export of the keys is a secret (whoever holds it reads every name in the log), so the CLI
 * writes it only when asked, to a file of its own with owner-only permissions.
 */
interface KeyLine {
  readonly personId: string;
  readonly organisationId: string;
  /** Hex; null once erased. */
  readonly identityHash: string | null;
  /** Base64; null once erased. */
  readonly key: string | null;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

export interface KeyTransferResult {
  readonly people: number;
  readonly erased: number;
}

/** Writes one line per person: the key, or the record that it was erased. */
export async function exportPersonKeys(pool: Pool, sink: NodeJS.WritableStream): Promise<KeyTransferResult> {
  const { rows } = await pool.query<{ person_id: string; organisation_id: string; identity_hash: Buffer | null; key: Buffer | null; created_at: Date; erased_at: Date | null }>(
    'SELECT person_id, organisation_id, identity_hash, key, created_at, erased_at FROM personal_data_keys ORDER BY created_at, person_id',
  );
  let erased = 0;
  for (const r of rows) {
    if (r.erased_at) erased++;
    const line: KeyLine = {
      personId: r.person_id,
      organisationId: r.organisation_id,
      identityHash: r.identity_hash?.toString('hex') ?? null,
      key: r.key?.toString('base64') ?? null,
      createdAt: r.created_at.toISOString(),
      erasedAt: r.erased_at?.toISOString() ?? null,
    };
    if (!sink.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => sink.once('drain', resolve));
  }
  return { people: rows.length, erased };
}

/**
 * Restores keys beside an imported log. Idempotent; an erasure always wins: a person erased on either side stays
 * erased, so restoring an old key export never brings erased data back.
 */
export async function importPersonKeys(pool: Pool, source: NodeJS.ReadableStream): Promise<KeyTransferResult> {
  let people = 0;
  let erased = 0;
  let lineNumber = 0;
  for await (const text of createInterface({ input: source, crlfDelay: Infinity })) {
    lineNumber++;
    if (text.trim() === '') continue;
    const line = parseLine(text, lineNumber);
    people++;
    if (line.erasedAt) erased++;
    await pool.query(
      `INSERT INTO personal_data_keys (person_id, organisation_id, identity_hash, key, created_at, erased_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET identity_hash = NULL, key = NULL, erased_at = excluded.erased_at
         WHERE excluded.erased_at IS NOT NULL AND personal_data_keys.erased_at IS NULL`,
      [
        line.personId,
        line.organisationId,
        line.identityHash === null ? null : Buffer.from(line.identityHash, 'hex'),
        line.key === null ? null : Buffer.from(line.key, 'base64'),
        line.createdAt,
        line.erasedAt,
      ],
    );
  }
  return { people, erased };
}

function parseLine(text: string, lineNumber: number): KeyLine {
  let line: Partial<KeyLine>;
  try {
    line = JSON.parse(text) as Partial<KeyLine>;
  } catch {
    throw new Error(`key export line ${lineNumber} is not JSON`);
  }
  const erased = typeof line.erasedAt === 'string';
  const ok =
    typeof line.personId === 'string' &&
    typeof line.organisationId === 'string' &&
    typeof line.createdAt === 'string' &&
    (erased ? line.key === null && line.identityHash === null : typeof line.key === 'string' && typeof line.identityHash === 'string');
  if (!ok) throw new Error(`key export line ${lineNumber} is not a person's key record`);
  return line as KeyLine;
}
