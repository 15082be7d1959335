import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProposalSummaries1764057660000 implements MigrationInterface {
  name = 'ProposalSummaries1764057660000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE proposal_summaries (
        id                            uuid PRIMARY KEY,
        organisation_id               text NOT NULL,
        department_id                 text NOT NULL,
        title                         text NOT NULL,
        status                        text NOT NULL,
        classification                text NOT NULL,
        criteria_met                  text[] NOT NULL,
        development_cost_minor        bigint,
        yearly_operations_cost_minor  bigint,
        currency                      text,
        investment_area               text,
        legal_requirement             boolean NOT NULL,
        estimated_hours               integer,
        planned_start                 text,
        planned_end                   text,
        form                          jsonb NOT NULL,
        version                       integer NOT NULL,
        created_at                    timestamptz NOT NULL,
        updated_at                    timestamptz NOT NULL,
        submitted_at                  timestamptz,
        withdrawn_at                  timestamptz
      )`);
    await runner.query(
      'CREATE INDEX proposal_summaries_by_status ON proposal_summaries (organisation_id, status, created_at, id)',
    );
    await runner.query(
      'CREATE INDEX proposal_summaries_by_department ON proposal_summaries (organisation_id, department_id, created_at, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE proposal_summaries');
  }
}
