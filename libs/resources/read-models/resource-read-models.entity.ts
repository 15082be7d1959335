import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Person } from '../../proposals/domain/proposal-form.js';
import type { Assignment, Demand, Loan } from '../domain/index.js';

/** One row per role of an organisation, keyed by its stream. */
@Entity('resource_roles')
@Index('resource_roles_by_organisation', ['organisationId', 'roleId'])
export class ResourceRoleRow {
  @PrimaryColumn('text', { name: 'stream_id' }) streamId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'role_id' }) roleId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** One row per person or team: what the capacity view and the lists need, the resource's state as its events left it. */
@Entity('resources')
@Index('resources_by_organisation', ['organisationId', 'id'])
export class ResourceRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') kind: 'person' | 'team';
  /** Personal data, as one object (as in the events). */
  @Column('jsonb', { nullable: true }) person: Person | null;
  @Column('text', { name: 'team_name', nullable: true }) teamName: string | null;
  @Column('text', { name: 'role_id' }) roleId: string;
  @Column('text', { name: 'home_unit_id' }) homeUnitId: string;
  /** Hours per month. */
  @Column('jsonb') capacity: Record<string, number>;
  @Column('jsonb') loans: Loan[];
  @Column('jsonb') assignments: Assignment[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** One row per project with a resource plan: its demand per role and month. */
@Entity('resource_plans')
@Index('resource_plans_by_organisation', ['organisationId'])
export class ResourcePlanRow {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('jsonb') demand: Demand;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
