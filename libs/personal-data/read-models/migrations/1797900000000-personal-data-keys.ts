import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys personal data in the log is encrypted with, one per person, kept outside the log. Erasing a person deletes
 * the key and the hashed identity it was found by; the row stays, with neither, as the record that this id was erased.
 * `personal_data_event_types` lists the event types that have carried personal data: the read models built from them
 * are the ones an erasure rebuilds.
 */
export const PERSONAL_DATA_KEYS_DDL = /* sql */ `
  CREATE TABLE IF NOT EXISTS personal_data_keys (
    person_id        uuid PRIMARY KEY,
    organisation_id  text NOT NULL,
    identity_hash    bytea,
    key              bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    erased_at        timestamptz,
    CONSTRAINT personal_data_keys_erased CHECK ((erased_at IS NULL) = (key IS NOT NULL) AND (erased_at IS NULL) = (identity_hash IS NOT NULL))
  );
  CREATE UNIQUE INDEX IF NOT EXISTS personal_data_keys_identity ON personal_data_keys (identity_hash) WHERE identity_hash IS NOT NULL;
  CREATE TABLE IF NOT EXISTS personal_data_event_types (
    type text PRIMARY KEY
  );
`;

export class PersonalDataKeys1797900000000 implements MigrationInterface {
  name = 'PersonalDataKeys1797900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PERSONAL_DATA_KEYS_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS personal_data_event_types');
    await queryRunner.query('DROP TABLE IF EXISTS personal_data_keys');
  }
}
