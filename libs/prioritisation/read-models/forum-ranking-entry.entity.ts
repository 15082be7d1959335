import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * One row per proposal: what a ranking shows of it (title, department, requested development cost, submission
 * time), whether it is in the running (status) and whether it is a forum's matter (department, investment area).
 * Kept from the proposal events.
 */
@Entity('forum_ranking_entries')
@Index('forum_ranking_entries_by_status', ['organisationId', 'status'])
export class ForumRankingEntry {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') status: string;
  @Column('text') title: string;
  @Column('text', { name: 'department_id' }) departmentId: string;
  /** Null while the proposal states none. */
  @Column('text', { name: 'investment_area', nullable: true }) investmentArea: string | null;
  @Column('bigint', { name: 'development_cost_minor', nullable: true, transformer: bigintAsNumber }) developmentCostMinor: number | null;
  @Column('text', { nullable: true }) currency: string | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
}
