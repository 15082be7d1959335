import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DecisionRule, Mandate } from '../../domain/forums/index.js';

/** One stretch of membership without the person: enough to count members on a day, no personal data in the list. */
export interface MembershipSpan {
  readonly memberId: string;
  readonly from: string;
  readonly to: string | null;
}

/** One row per forum: the organisation's list of forums with kind, parent, mandate and members. */
@Entity('forum_summaries')
@Index('forum_summaries_by_name', ['organisationId', 'name', 'id'])
@Index('forum_summaries_by_established', ['organisationId', 'establishedAt', 'id'])
export class ForumSummary {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'parent_forum_id', nullable: true }) parentForumId: string | null;
  @Column('jsonb') mandate: Mandate;
  @Column('jsonb', { name: 'decision_rule' }) decisionRule: DecisionRule;
  @Column('jsonb') memberships: MembershipSpan[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'established_at' }) establishedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
