import type { Money } from '../../shared-kernel/money.js';
import type { Commitment, InvestmentArea } from './funding-pool.js';
import { paidBackOf, type PaybackAgreement } from './payback.js';

export interface NoFundingPool {
  readonly status: 'none';
}

export interface EstablishedFundingPool {
  readonly status: 'established';
  readonly poolId: string;
  readonly organisationId: string;
  readonly forumId: string;
  readonly year: number;
  readonly name: string;
  readonly investmentArea: InvestmentArea | null;
  readonly amount: Money;
  /** Every commitment ever made, in the order made; released ones stay, marked released. */
  readonly commitments: readonly Commitment[];
  /** One per commitment funded under the efficiency principle, in the order concluded. */
  readonly paybackAgreements: readonly PaybackAgreement[];
}

export type FundingPoolState = NoFundingPool | EstablishedFundingPool;

export function initialFundingPoolState(): FundingPoolState {
  return { status: 'none' };
}

/** What the forum sees on every agenda (seed 002 p. 19): the amount, what is committed, paid back, and what is left. */
export interface PoolBalance {
  readonly amount: Money;
  /** The sum of active commitments. */
  readonly committed: Money;
  /** The sum of payback payments received (efficiency principle): they flow back into the balance. */
  readonly paidBack: Money;
  /** amount - committed + paidBack: never negative, in whole minor units. */
  readonly available: Money;
}

export function poolBalance(pool: EstablishedFundingPool): PoolBalance {
  const { currency } = pool.amount;
  const committed = pool.commitments.reduce((sum, c) => (c.status === 'active' ? sum + c.amount.amountMinor : sum), 0);
  const paidBack = pool.paybackAgreements.reduce((sum, a) => sum + paidBackOf(a), 0);
  return {
    amount: pool.amount,
    committed: { amountMinor: committed, currency },
    paidBack: { amountMinor: paidBack, currency },
    available: { amountMinor: pool.amount.amountMinor - committed + paidBack, currency },
  };
}

export function findPaybackAgreement(pool: EstablishedFundingPool, commitmentId: string): PaybackAgreement | undefined {
  return pool.paybackAgreements.find((a) => a.commitmentId === commitmentId);
}

export function findCommitment(pool: EstablishedFundingPool, commitmentId: string): Commitment | undefined {
  return pool.commitments.find((c) => c.commitmentId === commitmentId);
}
