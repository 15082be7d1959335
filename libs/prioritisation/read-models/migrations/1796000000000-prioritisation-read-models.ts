import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrioritisationReadModels1796000000000 implements MigrationInterface {
  name = 'PrioritisationReadModels1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scoring_models (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        forum_id         text NOT NULL,
        name             text NOT NULL,
        status           text NOT NULL,
        current_version  integer NOT NULL,
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX scoring_models_by_forum ON scoring_models (organisation_id, forum_id, status)');
    await runner.query(`
      CREATE TABLE forum_ranking_entries (
        proposal_id             uuid PRIMARY KEY,
        organisation_id         text NOT NULL,
        status                  text NOT NULL,
        title                   text NOT NULL,
        department_id           text NOT NULL,
        development_cost_minor  bigint,
        currency                text,
        submitted_at            timestamptz
      )`);
    await runner.query('CREATE INDEX forum_ranking_entries_by_status ON forum_ranking_entries (organisation_id, status)');
    await runner.query(`
      CREATE TABLE forum_ranking_scores (
        forum_id       text NOT NULL,
        model_id       text NOT NULL,
        model_version  integer NOT NULL,
        proposal_id    uuid NOT NULL,
        assessor_kind  text NOT NULL,
        sequence       integer NOT NULL,
        scores         jsonb NOT NULL,
        PRIMARY KEY (forum_id, model_id, model_version, proposal_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE forum_ranking_scores');
    await runner.query('DROP TABLE forum_ranking_entries');
    await runner.query('DROP TABLE scoring_models');
  }
}
