import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Resources1797300000000 implements MigrationInterface {
  name = 'Resources1797300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE resource_roles (
        stream_id        text PRIMARY KEY,
        organisation_id  text NOT NULL,
        role_id          text NOT NULL,
        name             text NOT NULL,
        description      text,
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX resource_roles_by_organisation ON resource_roles (organisation_id, role_id)');
    await runner.query(`
      CREATE TABLE resources (
        id               uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        kind             text NOT NULL,
        person           jsonb,
        team_name        text,
        role_id          text NOT NULL,
        home_unit_id     text NOT NULL,
        capacity         jsonb NOT NULL,
        loans            jsonb NOT NULL,
        assignments      jsonb NOT NULL,
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX resources_by_organisation ON resources (organisation_id, id)');
    await runner.query(`
      CREATE TABLE resource_plans (
        project_id       uuid PRIMARY KEY,
        organisation_id  text NOT NULL,
        demand           jsonb NOT NULL,
        version          integer NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX resource_plans_by_organisation ON resource_plans (organisation_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE resource_plans');
    await runner.query('DROP TABLE resources');
    await runner.query('DROP TABLE resource_roles');
  }
}
