import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per agenda: where each meeting's agenda stands, shown beside the meeting in a forum's calendar list. */
@Entity('agenda_summaries')
export class AgendaSummary {
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('text', { name: 'forum_id' }) forumId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  /** draft | frozen */
  @Column('text') status: string;
  /** The revision being prepared (draft) or standing (frozen). */
  @Column('integer') revision: number;
  @Column('integer', { name: 'item_count' }) itemCount: number;
  @Column('integer', { name: 'frozen_revisions' }) frozenRevisions: number;
  /** The content hash of the latest frozen pack; null before the first freeze. */
  @Column('text', { name: 'latest_content_hash', nullable: true }) latestContentHash: string | null;
  /** The agenda stream's version. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
