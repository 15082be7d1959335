import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ForumSummaries1795598800000 implements MigrationInterface {
  name = 'ForumSummaries1795598800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE forum_summaries (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        name             text NOT NULL,
        kind             text NOT NULL,
        parent_forum_id  uuid,
        mandate          jsonb NOT NULL,
        decision_rule    jsonb NOT NULL,
        memberships      jsonb NOT NULL,
        version          integer NOT NULL,
        established_at   timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX forum_summaries_by_name ON forum_summaries (organisation_id, name, id)');
    await runner.query('CREATE INDEX forum_summaries_by_established ON forum_summaries (organisation_id, established_at, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE forum_summaries');
  }
}
