import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per scoring model: which models a forum has, and which is active (the ranking's default). */
@Entity('scoring_models')
@Index('scoring_models_by_forum', ['organisationId', 'forumId', 'status'])
export class ScoringModelSummary {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'forum_id' }) forumId: string;
  @Column('text') name: string;
  @Column('text') status: string;
  @Column('integer', { name: 'current_version' }) currentVersion: number;
  /** The stream version. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
