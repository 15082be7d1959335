import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortfolioProjects1796100000000 implements MigrationInterface {
  name = 'PortfolioProjects1796100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio_projects (
        proposal_id             uuid PRIMARY KEY,
        organisation_id         text NOT NULL,
        department_id           text NOT NULL,
        title                   text NOT NULL,
        proposal_status         text NOT NULL,
        stage                   text,
        status                  text,
        development_cost_minor  bigint,
        operations_cost_minor   bigint,
        currency                text,
        committed_minor         bigint NOT NULL,
        forum_ids               text[] NOT NULL,
        last_decision           jsonb,
        form                    jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX portfolio_projects_by_title ON portfolio_projects (organisation_id, title, proposal_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portfolio_projects');
  }
}
