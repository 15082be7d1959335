import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `Idempotency-Key` store: one row per (scope, key), reserved before the handler runs, completed after. */
export class HttpIdempotency1795596000000 implements MigrationInterface {
  name = 'HttpIdempotency1795596000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE http_idempotency (
        key           text        NOT NULL,
        scope         text        NOT NULL,
        request_hash  text        NOT NULL,
        status        integer,
        headers       jsonb,
        body          jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        completed     boolean     NOT NULL DEFAULT false,
        PRIMARY KEY (scope, key)
      )`);
    // lets an operator purge old keys without scanning the table
    await queryRunner.query('CREATE INDEX http_idempotency_created_at ON http_idempotency (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS http_idempotency');
  }
}
