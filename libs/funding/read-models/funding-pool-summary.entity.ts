import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (v: number) => v,
  from: (v: string) => Number(v),
};

/** One row per pool: the list of a forum's pools with their balances. */
@Entity('funding_pools')
@Index('funding_pools_by_forum', ['organisationId', 'forumId', 'year'])
@Index('funding_pools_by_year', ['organisationId', 'year', 'id'])
export class FundingPoolSummary {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'forum_id' }) forumId: string;
  @Column('integer') year: number;
  @Column('text') name: string;
  @Column('text', { name: 'investment_area', nullable: true }) investmentArea: string | null;
  @Column('text') currency: string;
  @Column('bigint', { name: 'amount_minor', transformer: bigintAsNumber }) amountMinor: number;
  @Column('bigint', { name: 'committed_minor', transformer: bigintAsNumber }) committedMinor: number;
  /** Payback payments received (efficiency principle); the balance is amount - committed + paid back. */
  @Column('bigint', { name: 'paid_back_minor', transformer: bigintAsNumber }) paidBackMinor: number;
  @Column('integer', { name: 'active_commitments' }) activeCommitments: number;
  /** The stream version. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
