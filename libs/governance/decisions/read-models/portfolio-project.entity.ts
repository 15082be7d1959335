import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposalForm } from '../../../proposals/domain/index.js';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** The last decision on a project, as the portfolio lists it. */
export interface LastDecision {
  readonly decisionId: string;
  readonly kind: string;
  readonly outcome: string;
  readonly forumId: string;
  readonly meetingId: string;
  readonly heldOn: string;
}

/** One row per proposal that entered the portfolio: the directors' view across forums. */
@Entity('portfolio_projects')
@Index('portfolio_projects_by_title', ['organisationId', 'title', 'proposalId'])
export class PortfolioProject {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'department_id' }) departmentId: string;
  @Column('text') title: string;
  @Column('text', { name: 'proposal_status' }) proposalStatus: string;
  /** Null until the proposal enters the portfolio. */
  @Column('text', { nullable: true }) stage: string | null;
  @Column('text', { nullable: true }) status: string | null;
  @Column('bigint', { name: 'development_cost_minor', nullable: true, transformer: bigintAsNumber }) developmentCostMinor: number | null;
  @Column('bigint', { name: 'operations_cost_minor', nullable: true, transformer: bigintAsNumber }) operationsCostMinor: number | null;
  @Column('text', { nullable: true }) currency: string | null;
  @Column('bigint', { name: 'committed_minor', transformer: bigintAsNumber }) committedMinor: number;
  /** The forums that took a decision on it, in the order they first did. */
  @Column('text', { name: 'forum_ids', array: true }) forumIds: string[];
  @Column('jsonb', { name: 'last_decision', nullable: true }) lastDecision: LastDecision | null;
  /** The current form, kept to fold amendments (which carry only what changed). */
  @Column('jsonb') form: ProposalForm;
}
