import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Collaborations1797200000000 implements MigrationInterface {
  name = 'Collaborations1797200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE collaborations (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        name             text NOT NULL,
        legal_form       text NOT NULL,
        currency         text NOT NULL,
        current_members  integer NOT NULL,
        projects         integer NOT NULL,
        settled_years    jsonb NOT NULL,
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX collaborations_by_administrator ON collaborations (organisation_id, id)');
    await runner.query(`
      CREATE TABLE collaboration_memberships (
        key               text PRIMARY KEY,
        collaboration_id  uuid NOT NULL,
        organisation_id   text NOT NULL,
        periods           jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX collaboration_memberships_by_organisation ON collaboration_memberships (organisation_id, collaboration_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE collaboration_memberships');
    await runner.query('DROP TABLE collaborations');
  }
}
