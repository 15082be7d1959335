import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots of an organisation's portfolio history state (see PortfolioHistory): derived data, keyed by the number of
 * the organisation's events folded into them, found by log position.
 */
export class PortfolioSnapshots1797400100000 implements MigrationInterface {
  name = 'PortfolioSnapshots1797400100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE time_travel_portfolio_snapshots (
        organisation_id   text NOT NULL,
        fold_version      text NOT NULL,
        events_folded     bigint NOT NULL,
        position_commit   bigint NOT NULL,
        position_prepare  bigint NOT NULL,
        state             jsonb NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, fold_version, events_folded)
      )`);
    await runner.query(
      'CREATE INDEX time_travel_portfolio_snapshots_by_position ON time_travel_portfolio_snapshots (organisation_id, fold_version, position_commit, position_prepare)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE time_travel_portfolio_snapshots');
  }
}
