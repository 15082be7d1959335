import type { NewEvent } from '../../event-store/port/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { InvestmentArea } from './funding-pool.js';
import type { Beneficiary, Installment, IsoDate } from './payback.js';

/** Facts about a funding pool. Times are in the store's `recordedAt`; who and why in the metadata. */
export const FundingPoolEventType = {
  Established: 'FundingPoolEstablished',
  AmountAdjusted: 'FundingPoolAmountAdjusted',
  Committed: 'FundingCommitted',
  CommitmentReleased: 'FundingCommitmentReleased',
  PaybackAgreementConcluded: 'PaybackAgreementConcluded',
  PaybackPaymentReceived: 'PaybackPaymentReceived',
} as const;
export type FundingPoolEventTypeName = (typeof FundingPoolEventType)[keyof typeof FundingPoolEventType];

export type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface FundingPoolEstablishedData {
  readonly poolId: string;
  readonly organisationId: string;
  readonly forumId: string;
  readonly year: number;
  readonly name: string;
  readonly investmentArea: InvestmentArea | null;
  readonly amount: Money;
}

export interface FundingPoolAmountAdjustedData {
  readonly poolId: string;
  readonly previousAmount: Money;
  readonly amount: Money;
  readonly reason: string;
}

export interface FundingCommittedData {
  readonly poolId: string;
  readonly commitmentId: string;
  readonly proposalId: string;
  readonly decisionId: string;
  readonly amount: Money;
  readonly costKind: 'development';
}

export interface FundingCommitmentReleasedData {
  readonly poolId: string;
  readonly commitmentId: string;
  readonly proposalId: string;
  /** The amount that returns to the balance (the commitment's whole amount). */
  readonly amount: Money;
  readonly reason: string | null;
}

/** The terms and the schedule they give (recorded, so the schedule stays what was agreed whatever code reads it). */
export interface PaybackAgreementConcludedData {
  readonly poolId: string;
  readonly organisationId: string;
  readonly commitmentId: string;
  readonly proposalId: string;
  readonly beneficiaries: readonly Beneficiary[];
  readonly shareBasisPoints: number;
  readonly firstYear: number;
  readonly years: number;
  readonly dueMonthDay: string;
  /** The commitment's amount: the cap. */
  readonly invested: Money;
  readonly schedule: readonly Installment[];
}

export interface PaybackPaymentReceivedData {
  readonly poolId: string;
  readonly commitmentId: string;
  readonly paymentId: string;
  readonly partyId: string;
  readonly year: number;
  /** Flows back into the pool's balance. */
  readonly amount: Money;
  readonly paidOn: IsoDate;
}

export type FundingPoolEstablished = DomainEvent<typeof FundingPoolEventType.Established, FundingPoolEstablishedData>;
export type FundingPoolAmountAdjusted = DomainEvent<typeof FundingPoolEventType.AmountAdjusted, FundingPoolAmountAdjustedData>;
export type FundingCommitted = DomainEvent<typeof FundingPoolEventType.Committed, FundingCommittedData>;
export type FundingCommitmentReleased = DomainEvent<typeof FundingPoolEventType.CommitmentReleased, FundingCommitmentReleasedData>;

export type PaybackAgreementConcluded = DomainEvent<typeof FundingPoolEventType.PaybackAgreementConcluded, PaybackAgreementConcludedData>;
export type PaybackPaymentReceived = DomainEvent<typeof FundingPoolEventType.PaybackPaymentReceived, PaybackPaymentReceivedData>;

export type FundingPoolEvent =
  | FundingPoolEstablished
  | FundingPoolAmountAdjusted
  | FundingCommitted
  | FundingCommitmentReleased
  | PaybackAgreementConcluded
  | PaybackPaymentReceived;
