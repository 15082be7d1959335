import type { Money } from '../../shared-kernel/money.js';
import type { CostKind, InvestmentArea } from './funding-pool.js';
import type { Beneficiary, IsoDate } from './payback.js';

export const FundingPoolCommandType = {
  Establish: 'EstablishFundingPool',
  AdjustAmount: 'AdjustFundingPoolAmount',
  Commit: 'CommitFunding',
  Release: 'ReleaseCommitment',
  ConcludePaybackAgreement: 'ConcludePaybackAgreement',
  RecordPaybackPayment: 'RecordPaybackPayment',
} as const;

/** A forum's yearly development pool (udviklingspulje), for one investment area or for all. */
export interface EstablishFundingPool {
  readonly type: typeof FundingPoolCommandType.Establish;
  readonly data: {
    readonly poolId: string;
    readonly organisationId: string;
    readonly forumId: string;
    readonly year: number;
    readonly name: string;
    readonly amount: Money;
    readonly investmentArea?: InvestmentArea | null;
  };
}

/** Sets the pool's amount (e.g. the budget was cut or topped up); never below what is committed. */
export interface AdjustFundingPoolAmount {
  readonly type: typeof FundingPoolCommandType.AdjustAmount;
  readonly data: {
    readonly poolId: string;
    /** The new amount, in the pool's currency. */
    readonly amount: Money;
    readonly reason: string;
  };
}

/** Sets money aside for a proposal, by a decision. A retry with the same id and content records nothing. */
export interface CommitFunding {
  readonly type: typeof FundingPoolCommandType.Commit;
  readonly data: {
    readonly poolId: string;
    readonly commitmentId: string;
    readonly proposalId: string;
    readonly decisionId: string;
    readonly amount: Money;
    readonly costKind: CostKind;
  };
}

/** Returns a commitment's money to the balance (project cancelled, decision reversed). Releasing twice records nothing. */
export interface ReleaseCommitment {
  readonly type: typeof FundingPoolCommandType.Release;
  readonly data: {
    readonly poolId: string;
    readonly commitmentId: string;
    readonly reason?: string | null;
  };
}

/**
 * The efficiency principle: the beneficiaries of a commitment pay a share of their savings back into the pool, capped
 * at the commitment's amount. One agreement per commitment; concluding the same terms again records nothing.
 */
export interface ConcludePaybackAgreement {
  readonly type: typeof FundingPoolCommandType.ConcludePaybackAgreement;
  readonly data: {
    readonly poolId: string;
    readonly commitmentId: string;
    readonly beneficiaries: readonly Beneficiary[];
    /** The share of the harvested gain paid back, in basis points (5000 = 50 %). */
    readonly shareBasisPoints: number;
    /** The first year with savings (year 1); absent: the year after the pool's year (year 0, the investment). */
    readonly firstYear?: number | null;
    readonly years: number;
    /** `MM-DD`: the day of each year its installments fall due; absent: 12-31. */
    readonly dueMonthDay?: string | null;
  };
}

/** A beneficiary pays towards its installment of a year. A retry with the same id and content records nothing. */
export interface RecordPaybackPayment {
  readonly type: typeof FundingPoolCommandType.RecordPaybackPayment;
  readonly data: {
    readonly poolId: string;
    readonly commitmentId: string;
    readonly paymentId: string;
    readonly partyId: string;
    readonly year: number;
    readonly amount: Money;
    readonly paidOn: IsoDate;
  };
}

export type FundingPoolCommand =
  | EstablishFundingPool
  | AdjustFundingPoolAmount
  | CommitFunding
  | ReleaseCommitment
  | ConcludePaybackAgreement
  | RecordPaybackPayment;
