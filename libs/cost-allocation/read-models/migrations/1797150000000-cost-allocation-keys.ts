import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CostAllocationKeys1797150000000 implements MigrationInterface {
  name = 'CostAllocationKeys1797150000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_allocation_keys (
        id                     uuid PRIMARY KEY,
        organisation_id        text NOT NULL,
        name                   text NOT NULL,
        basis                  text NOT NULL,
        terms_count            integer NOT NULL,
        first_effective_from   text NOT NULL,
        latest_effective_from  text NOT NULL,
        latest_parties         integer NOT NULL,
        version                integer NOT NULL,
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX cost_allocation_keys_by_name ON cost_allocation_keys (organisation_id, name, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cost_allocation_keys');
  }
}
