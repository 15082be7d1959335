import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Paybacks flow back into a pool's balance (efficiency principle); payback agreements and their installments. */
export class FundingPaybacks1797100000000 implements MigrationInterface {
  name = 'FundingPaybacks1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE funding_pools ADD COLUMN paid_back_minor bigint NOT NULL DEFAULT 0');
    await runner.query(`
      CREATE TABLE payback_agreements (
        id               text PRIMARY KEY,
        organisation_id  text NOT NULL,
        pool_id          uuid NOT NULL,
        commitment_id    text NOT NULL,
        proposal_id      text NOT NULL,
        currency         text NOT NULL,
        invested_minor   bigint NOT NULL,
        scheduled_minor  bigint NOT NULL,
        paid_back_minor  bigint NOT NULL,
        status           text NOT NULL,
        installments     jsonb NOT NULL,
        next_due_on      text,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX payback_agreements_next_due ON payback_agreements (organisation_id, next_due_on)');
    await runner.query('CREATE INDEX payback_agreements_by_organisation ON payback_agreements (organisation_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE payback_agreements');
    await runner.query('ALTER TABLE funding_pools DROP COLUMN paid_back_minor');
  }
}
