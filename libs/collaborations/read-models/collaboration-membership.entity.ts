import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface MembershipPeriodRow {
  readonly joinedOn: string;
  /** The first day it is no longer a member; null while it is one. */
  readonly leftOn: string | null;
}

/**
 * One row per organisation and collaboration it has belonged to, with every period of membership: what lets the
 * access rules find the collaborations two organisations share on a day.
 */
@Entity('collaboration_memberships')
@Index('collaboration_memberships_by_organisation', ['organisationId', 'collaborationId'])
export class CollaborationMembership {
  /** `{collaborationId}/{organisationId}`. */
  @PrimaryColumn('text') key: string;
  @Column('uuid', { name: 'collaboration_id' }) collaborationId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('jsonb') periods: MembershipPeriodRow[];
}
