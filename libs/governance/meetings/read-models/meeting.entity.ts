import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per meeting: a forum's calendar as a list, soonest first, filterable by date and status. */
@Entity('meetings')
@Index('meetings_by_forum', ['organisationId', 'forumId', 'startsAt', 'meetingId'])
export class MeetingRow {
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('text', { name: 'forum_id' }) forumId: string;
  /** From the `organisationId` metadata of the calendar's events (see organisation-scope.ts). */
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') origin: string;
  @Column('text', { name: 'planned_date' }) plannedDate: string;
  /** The instant, for ordering and filtering. */
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  /** The start and end as recorded, with the offset of the meeting's zone ('2026-03-03T14:00:00+01:00'). */
  @Column('text', { name: 'starts_at_local' }) startsAtLocal: string;
  @Column('text', { name: 'ends_at_local' }) endsAtLocal: string;
  /** The local date the meeting now starts on (changes when moved): what `from` and `to` filter on. */
  @Column('text', { name: 'local_date' }) localDate: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text') status: string;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
  /** Why it was last moved; null when never moved. */
  @Column('text', { name: 'move_reason', nullable: true }) moveReason: string | null;
  /** The calendar stream's version after the last event about this meeting. */
  @Column('integer', { name: 'calendar_version' }) calendarVersion: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
