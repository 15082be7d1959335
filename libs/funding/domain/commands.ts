import type { Money } from '../../shared-kernel/money.js';
import type { CostKind, InvestmentArea } from './funding-pool.js';

export const FundingPoolCommandType = {
  Establish: 'EstablishFundingPool',
  AdjustAmount: 'AdjustFundingPoolAmount',
  Commit: 'CommitFunding',
  Release: 'ReleaseCommitment',
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

export type FundingPoolCommand = EstablishFundingPool | AdjustFundingPoolAmount | CommitFunding | ReleaseCommitment;
