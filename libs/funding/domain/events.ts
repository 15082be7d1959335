import type { NewEvent } from '../../event-store/port/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { InvestmentArea } from './funding-pool.js';

/** Facts about a funding pool. Times are in the store's `recordedAt`; who and why in the metadata. */
export const FundingPoolEventType = {
  Established: 'FundingPoolEstablished',
  AmountAdjusted: 'FundingPoolAmountAdjusted',
  Committed: 'FundingCommitted',
  CommitmentReleased: 'FundingCommitmentReleased',
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

export type FundingPoolEstablished = DomainEvent<typeof FundingPoolEventType.Established, FundingPoolEstablishedData>;
export type FundingPoolAmountAdjusted = DomainEvent<typeof FundingPoolEventType.AmountAdjusted, FundingPoolAmountAdjustedData>;
export type FundingCommitted = DomainEvent<typeof FundingPoolEventType.Committed, FundingCommittedData>;
export type FundingCommitmentReleased = DomainEvent<typeof FundingPoolEventType.CommitmentReleased, FundingCommitmentReleasedData>;

export type FundingPoolEvent = FundingPoolEstablished | FundingPoolAmountAdjusted | FundingCommitted | FundingCommitmentReleased;
