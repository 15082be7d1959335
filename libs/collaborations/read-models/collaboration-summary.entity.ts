import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per collaboration: the list of collaborations an organisation administers or belongs to. */
@Entity('collaborations')
@Index('collaborations_by_administrator', ['organisationId', 'id'])
export class CollaborationSummary {
  @PrimaryColumn('uuid') id: string;
  /** The administering organisation. */
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') name: string;
  @Column('text', { name: 'legal_form' }) legalForm: string;
  @Column('text') currency: string;
  /** Organisations that have not left. */
  @Column('integer', { name: 'current_members' }) currentMembers: number;
  @Column('integer') projects: number;
  /** Years whose settlement has been issued. */
  @Column('jsonb', { name: 'settled_years' }) settledYears: number[];
  /** The stream version. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
