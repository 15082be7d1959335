import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection stands in the log, moved in the same transaction as its read model. */
export class ProjectionCheckpoints1764057600000 implements MigrationInterface {
  name = 'ProjectionCheckpoints1764057600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projection_checkpoints (
        name              text PRIMARY KEY,
        version           integer NOT NULL,
        commit_position   numeric(20, 0) NOT NULL DEFAULT 0,
        prepare_position  numeric(20, 0) NOT NULL DEFAULT 0,
        events_applied    bigint NOT NULL DEFAULT 0,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        rebuilt_at        timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE projection_checkpoints');
  }
}
