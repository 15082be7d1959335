import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FundingPools1796000060000 implements MigrationInterface {
  name = 'FundingPools1796000060000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE funding_pools (
        id                  uuid PRIMARY KEY,
        organisation_id     text NOT NULL,
        forum_id            text NOT NULL,
        year                integer NOT NULL,
        name                text NOT NULL,
        investment_area     text,
        currency            text NOT NULL,
        amount_minor        bigint NOT NULL,
        committed_minor     bigint NOT NULL,
        active_commitments  integer NOT NULL,
        version             integer NOT NULL,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX funding_pools_by_forum ON funding_pools (organisation_id, forum_id, year)');
    await runner.query('CREATE INDEX funding_pools_by_year ON funding_pools (organisation_id, year, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE funding_pools');
  }
}
