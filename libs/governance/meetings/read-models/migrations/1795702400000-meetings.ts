import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `meetings` read model: every forum's meetings, listed by forum and start. */
export class Meetings1795702400000 implements MigrationInterface {
  name = 'Meetings1795702400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meetings (
        meeting_id           uuid PRIMARY KEY,
        forum_id             text NOT NULL,
        organisation_id      text NOT NULL,
        origin               text NOT NULL,
        planned_date         text NOT NULL,
        starts_at            timestamptz NOT NULL,
        starts_at_local      text NOT NULL,
        ends_at_local        text NOT NULL,
        local_date           text NOT NULL,
        time_zone            text NOT NULL,
        status               text NOT NULL,
        cancellation_reason  text,
        move_reason          text,
        calendar_version     integer NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX meetings_by_forum ON meetings (organisation_id, forum_id, starts_at, meeting_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE meetings');
  }
}
