import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BusinessCaseFacts1797300000001 implements MigrationInterface {
  name = 'BusinessCaseFacts1797300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE business_case_facts (
        project_id       uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        forum_id         text NOT NULL,
        facts            jsonb NOT NULL,
        version          integer NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX business_case_facts_by_organisation ON business_case_facts (organisation_id, forum_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE business_case_facts');
  }
}
