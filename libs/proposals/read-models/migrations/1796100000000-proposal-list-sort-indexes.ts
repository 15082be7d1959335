import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One index per sort of the list, so a page is an index range scan instead of sorting the organisation's rows. */
export class ProposalListSortIndexes1796100000000 implements MigrationInterface {
  name = 'ProposalListSortIndexes1796100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX proposal_summaries_by_created ON proposal_summaries (organisation_id, created_at, id)');
    await runner.query('CREATE INDEX proposal_summaries_by_updated ON proposal_summaries (organisation_id, updated_at, id)');
    await runner.query('CREATE INDEX proposal_summaries_by_title ON proposal_summaries (organisation_id, title, id)');
    await runner.query('CREATE INDEX proposal_summaries_by_cost ON proposal_summaries (organisation_id, development_cost_minor, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['created', 'updated', 'title', 'cost']) await runner.query(`DROP INDEX proposal_summaries_by_${index}`);
  }
}
