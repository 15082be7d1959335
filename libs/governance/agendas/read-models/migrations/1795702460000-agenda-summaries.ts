import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `agenda_summaries` read model: one row per meeting agenda. */
export class AgendaSummaries1795702460000 implements MigrationInterface {
  name = 'AgendaSummaries1795702460000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agenda_summaries (
        meeting_id           uuid PRIMARY KEY,
        forum_id             text NOT NULL,
        organisation_id      text NOT NULL,
        status               text NOT NULL,
        revision             integer NOT NULL,
        item_count           integer NOT NULL,
        frozen_revisions     integer NOT NULL,
        latest_content_hash  text,
        version              integer NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agenda_summaries');
  }
}
