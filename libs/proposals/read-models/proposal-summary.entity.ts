import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposalForm } from '../domain/index.js';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** One row per proposal: the programme office's list view, filterable by status and department. */
@Entity('proposal_summaries')
@Index('proposal_summaries_by_status', ['organisationId', 'status', 'createdAt', 'id'])
@Index('proposal_summaries_by_department', ['organisationId', 'departmentId', 'createdAt', 'id'])
@Index('proposal_summaries_by_created', ['organisationId', 'createdAt', 'id'])
@Index('proposal_summaries_by_updated', ['organisationId', 'updatedAt', 'id'])
@Index('proposal_summaries_by_title', ['organisationId', 'title', 'id'])
@Index('proposal_summaries_by_cost', ['organisationId', 'developmentCostMinor', 'id'])
export class ProposalSummary {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'department_id' }) departmentId: string;
  @Column('text') title: string;
  @Column('text') status: string;
  @Column('text') classification: string;
  @Column('text', { name: 'criteria_met', array: true }) criteriaMet: string[];
  @Column('bigint', { name: 'development_cost_minor', nullable: true, transformer: bigintAsNumber }) developmentCostMinor: number | null;
  @Column('bigint', { name: 'yearly_operations_cost_minor', nullable: true, transformer: bigintAsNumber }) yearlyOperationsCostMinor: number | null;
  @Column('text', { nullable: true }) currency: string | null;
  @Column('text', { name: 'investment_area', nullable: true }) investmentArea: string | null;
  @Column('boolean', { name: 'legal_requirement' }) legalRequirement: boolean;
  @Column('integer', { name: 'estimated_hours', nullable: true }) estimatedHours: number | null;
  @Column('text', { name: 'planned_start', nullable: true }) plannedStart: string | null;
  @Column('text', { name: 'planned_end', nullable: true }) plannedEnd: string | null;
  /** The whole current form, kept to fold amendments (which carry only what changed). */
  @Column('jsonb') form: ProposalForm;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
}
