import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (v: number) => v,
  from: (v: string) => Number(v),
};

/** One installment as the read model keeps it: what is owed and what was paid towards it. */
export interface InstallmentRow {
  readonly year: number;
  readonly partyId: string;
  readonly dueOn: string;
  readonly amountMinor: number;
  readonly paidMinor: number;
}

/** One row per payback agreement: the organisation's agreements, and what is overdue on a date. */
@Entity('payback_agreements')
@Index('payback_agreements_next_due', ['organisationId', 'nextDueOn'])
@Index('payback_agreements_by_organisation', ['organisationId', 'id'])
export class PaybackAgreementRow {
  /** `{poolId}/{commitmentId}`: one agreement per commitment. */
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'pool_id' }) poolId: string;
  @Column('text', { name: 'commitment_id' }) commitmentId: string;
  @Column('text', { name: 'proposal_id' }) proposalId: string;
  @Column('text') currency: string;
  @Column('bigint', { name: 'invested_minor', transformer: bigintAsNumber }) investedMinor: number;
  @Column('bigint', { name: 'scheduled_minor', transformer: bigintAsNumber }) scheduledMinor: number;
  @Column('bigint', { name: 'paid_back_minor', transformer: bigintAsNumber }) paidBackMinor: number;
  @Column('text') status: 'active' | 'ended';
  @Column('jsonb') installments: InstallmentRow[];
  /** The earliest due day of an installment not paid in full (`YYYY-MM-DD`); null when none is owed. */
  @Column('text', { name: 'next_due_on', nullable: true }) nextDueOn: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
