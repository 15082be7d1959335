import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per key: the organisation's cost allocation keys and how far their terms reach. */
@Entity('cost_allocation_keys')
@Index('cost_allocation_keys_by_name', ['organisationId', 'name', 'id'])
export class CostAllocationKeySummary {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text') name: string;
  @Column('text') basis: string;
  /** How many dated sets of terms the key has had. */
  @Column('integer', { name: 'terms_count' }) termsCount: number;
  /** `YYYY-MM-DD`: the key applies from this day on. */
  @Column('text', { name: 'first_effective_from' }) firstEffectiveFrom: string;
  @Column('text', { name: 'latest_effective_from' }) latestEffectiveFrom: string;
  /** The parties of the latest terms. */
  @Column('integer', { name: 'latest_parties' }) latestParties: number;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
