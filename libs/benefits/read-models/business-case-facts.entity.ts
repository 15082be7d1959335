import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RecordedFact } from '../domain/index.js';

/**
 * One row per business case: its facts in log order with when each was recorded, so that a report can be computed
 * as of any day and as known at any instant without reading every stream.
 */
@Entity('business_case_facts')
@Index('business_case_facts_by_organisation', ['organisationId', 'forumId'])
export class BusinessCaseFacts {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  /** The forum that follows it up now. */
  @Column('text', { name: 'forum_id' }) forumId: string;
  @Column('jsonb') facts: RecordedFact[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
