import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directors' portfolio by score: each project's current weighted score and what keeps it. */
export class PortfolioScores1796200000000 implements MigrationInterface {
  name = 'PortfolioScores1796200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio_scoring_models (
        model_id         text PRIMARY KEY,
        forum_id         text NOT NULL,
        status           text NOT NULL,
        current_version  integer NOT NULL,
        content          jsonb NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE portfolio_score_sets (
        forum_id       text NOT NULL,
        model_id       text NOT NULL,
        model_version  integer NOT NULL,
        proposal_id    uuid NOT NULL,
        assessor_kind  text NOT NULL,
        scores         jsonb NOT NULL,
        PRIMARY KEY (forum_id, model_id, model_version, proposal_id)
      )`);
    await runner.query('CREATE INDEX portfolio_score_sets_by_proposal ON portfolio_score_sets (proposal_id)');
    await runner.query('CREATE INDEX portfolio_score_sets_by_model ON portfolio_score_sets (model_id)');
    await runner.query(`
      CREATE TABLE portfolio_project_scores (
        proposal_id       uuid PRIMARY KEY,
        score_hundredths  integer NOT NULL,
        forum_id          text NOT NULL,
        model_id          text NOT NULL,
        model_version     integer NOT NULL,
        numerator         bigint NOT NULL,
        denominator       bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX portfolio_project_scores_by_score ON portfolio_project_scores (score_hundredths, proposal_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portfolio_project_scores');
    await runner.query('DROP TABLE portfolio_score_sets');
    await runner.query('DROP TABLE portfolio_scoring_models');
  }
}
