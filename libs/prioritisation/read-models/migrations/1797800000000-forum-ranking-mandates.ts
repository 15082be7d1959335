import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rankings narrowed to the forum's mandate: each proposal's investment area, and each forum's areas and departments. */
export class ForumRankingMandates1797800000000 implements MigrationInterface {
  name = 'ForumRankingMandates1797800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE forum_ranking_entries ADD COLUMN investment_area text');
    await runner.query(`
      CREATE TABLE forum_ranking_mandates (
        forum_id          text PRIMARY KEY,
        organisation_id   text NOT NULL,
        investment_areas  jsonb NOT NULL,
        department_ids    jsonb NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE forum_ranking_mandates');
    await runner.query('ALTER TABLE forum_ranking_entries DROP COLUMN investment_area');
  }
}
