import { createHash, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newPersonKey } from './person-cipher.js';

/** The key of one person, found by their identity (see personIdentity). */
export interface PersonKey {
  readonly personId: string;
  readonly key: Buffer;
}

export interface PersonRecord {
  readonly personId: string;
  readonly organisationId: string;
  readonly createdAt: Date;
  /** Set once erased: the key is gone. */
  readonly erasedAt: Date | null;
}

/** A person seen in an appended event: who they are, and in which organisation's scope. */
export interface PersonSighting {
  readonly organisationId: string;
  readonly identity: string;
}

const hashOf = (identity: string) => createHash('sha256').update(identity, 'utf8').digest();

/**
 * The `personal_data_keys` table (see its migration): keys created on a person's first appearance, read by id when
 * events are read, deleted on erasure. Keys are never cached in memory, so an erasure takes effect on every
 * instance at once.
 */
export class PersonKeys {
  /**
   * `preparedStatements`: name the two look-ups every append and read makes, so a server parses and plans them once
   * per connection (off on the embedded database, whose connections share one session).
   */
  constructor(
    private readonly pool: Pool,
    private readonly options: { readonly preparedStatements?: boolean } = {},
  ) {}

  /**
   * The key of each sighted person, created on first sight. One query when every person is known already; a racing
   * writer creating the same person is resolved by the unique identity index (both end up with the same key).
   */
  async keysFor(sightings: readonly PersonSighting[]): Promise<Map<string, PersonKey>> {
    const unique = new Map(sightings.map((s) => [s.identity, s]));
    const found = await this.existing([...unique.keys()]);
    const missing = [...unique.values()].filter((s) => !found.has(s.identity));
    if (missing.length === 0) return found;
    await this.pool.query(
      `INSERT INTO personal_data_keys (person_id, organisation_id, identity_hash, key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::bytea[])
       ON CONFLICT (identity_hash) WHERE identity_hash IS NOT NULL DO NOTHING`,
      [missing.map(() => randomUUID()), missing.map((s) => s.organisationId), missing.map((s) => hashOf(s.identity)), missing.map(() => newPersonKey())],
    );
    for (const [identity, key] of await this.existing(missing.map((s) => s.identity))) found.set(identity, key);
    return found;
  }

  private async existing(identities: readonly string[]): Promise<Map<string, PersonKey>> {
    const byHash = new Map(identities.map((identity) => [hashOf(identity).toString('hex'), identity]));
    const { rows } = await this.pool.query<{ person_id: string; identity_hash: Buffer; key: Buffer }>(
      this.statement('pd_keys_by_identity_v1', 'SELECT person_id, identity_hash, key FROM personal_data_keys WHERE identity_hash = ANY ($1::bytea[])', [
        identities.map(hashOf),
      ]),
    );
    return new Map(rows.map((r) => [byHash.get(r.identity_hash.toString('hex'))!, { personId: r.person_id, key: r.key }]));
  }

  /** The keys of these people that still exist: an erased person has none. */
  async keysById(personIds: readonly string[]): Promise<Map<string, Buffer>> {
    const { rows } = await this.pool.query<{ person_id: string; key: Buffer }>(
      this.statement('pd_keys_by_id_v1', 'SELECT person_id, key FROM personal_data_keys WHERE person_id = ANY ($1::uuid[]) AND key IS NOT NULL', [personIds]),
    );
    return new Map(rows.map((r) => [r.person_id, r.key]));
  }

  /** The person with this identity whose data is kept now (not an erased one). */
  async findByIdentity(identity: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<RecordRow>(`SELECT ${RECORD} FROM personal_data_keys WHERE identity_hash = $1`, [hashOf(identity)]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  async get(personId: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<RecordRow>(`SELECT ${RECORD} FROM personal_data_keys WHERE person_id = $1::uuid`, [personId]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** Deletes the key and the identity it was found by. Repeating it changes nothing. */
  async erase(personId: string): Promise<void> {
    await this.pool.query(
      `UPDATE personal_data_keys SET key = NULL, identity_hash = NULL, erased_at = now()
       WHERE person_id = $1::uuid AND erased_at IS NULL`,
      [personId],
    );
  }

  private statement(name: string, text: string, values: unknown[]) {
    return this.options.preparedStatements ? { name, text, values } : { text, values };
  }

  /** Remembers that events of these types carry personal data. */
  async recordTypes(types: readonly string[]): Promise<void> {
    await this.pool.query('INSERT INTO personal_data_event_types (type) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [types]);
  }

  async typesCarryingPersonalData(): Promise<string[]> {
    const { rows } = await this.pool.query<{ type: string }>('SELECT type FROM personal_data_event_types ORDER BY type');
    return rows.map((r) => r.type);
  }
}

const RECORD = 'person_id, organisation_id, created_at, erased_at';
interface RecordRow {
  person_id: string;
  organisation_id: string;
  created_at: Date;
  erased_at: Date | null;
}
const toRecord = (r: RecordRow): PersonRecord => ({ personId: r.person_id, organisationId: r.organisation_id, createdAt: r.created_at, erasedAt: r.erased_at });
