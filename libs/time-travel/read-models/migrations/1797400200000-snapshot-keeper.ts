import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How far the portfolio snapshot keeper has walked the log, per fold version (see PortfolioSnapshotKeeper). */
export class SnapshotKeeper1797400200000 implements MigrationInterface {
  name = 'SnapshotKeeper1797400200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE time_travel_snapshot_keeper (
        fold_version      text PRIMARY KEY,
        position_commit   bigint NOT NULL,
        position_prepare  bigint NOT NULL,
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE time_travel_snapshot_keeper');
  }
}
