/** Builders for the funding domain's specs. Test-only (excluded from the build). */
import type { Money } from '../../shared-kernel/money.js';
import {
  FundingPoolCommandType,
  type AdjustFundingPoolAmount,
  type CommitFunding,
  type ConcludePaybackAgreement,
  type EstablishFundingPool,
  type RecordPaybackPayment,
  type ReleaseCommitment,
} from './commands.js';
import {
  FundingPoolEventType,
  type FundingCommitmentReleased,
  type FundingCommitted,
  type FundingPoolAmountAdjusted,
  type FundingPoolEstablished,
  type PaybackAgreementConcluded,
  type PaybackPaymentReceived,
} from './events.js';
import type { CostKind } from './funding-pool.js';
import type { Installment } from './payback.js';

export const POOL_ID = 'pool-2027';
export const ORGANISATION_ID = 'herning';
export const FORUM_ID = 'herning-steering-group';
export const PROPOSAL_ID = 'proposal-1';
export const DECISION_ID = 'decision-1';

export const dkk = (amountMinor: number): Money => ({ amountMinor, currency: 'DKK' });
/** DKK 10m, in øre. */
export const POOL_AMOUNT = dkk(1_000_000_000);

export function establish(overrides: Partial<EstablishFundingPool['data']> = {}): EstablishFundingPool {
  return {
    type: FundingPoolCommandType.Establish,
    data: {
      poolId: POOL_ID,
      organisationId: ORGANISATION_ID,
      forumId: FORUM_ID,
      year: 2027,
      name: 'Udviklingspuljen 2027',
      amount: POOL_AMOUNT,
      ...overrides,
    },
  };
}

export function established(amount: Money = POOL_AMOUNT): FundingPoolEstablished {
  return {
    type: FundingPoolEventType.Established,
    data: { poolId: POOL_ID, organisationId: ORGANISATION_ID, forumId: FORUM_ID, year: 2027, name: 'Udviklingspuljen 2027', investmentArea: null, amount },
  };
}

export function adjust(amount: Money, reason = 'Budget agreement 2027'): AdjustFundingPoolAmount {
  return { type: FundingPoolCommandType.AdjustAmount, data: { poolId: POOL_ID, amount, reason } };
}

export function adjusted(previousAmount: Money, amount: Money, reason = 'Budget agreement 2027'): FundingPoolAmountAdjusted {
  return { type: FundingPoolEventType.AmountAdjusted, data: { poolId: POOL_ID, previousAmount, amount, reason } };
}

export function commit(commitmentId: string, amount: Money, overrides: { proposalId?: string; decisionId?: string; costKind?: CostKind } = {}): CommitFunding {
  return {
    type: FundingPoolCommandType.Commit,
    data: {
      poolId: POOL_ID,
      commitmentId,
      proposalId: overrides.proposalId ?? PROPOSAL_ID,
      decisionId: overrides.decisionId ?? DECISION_ID,
      amount,
      costKind: overrides.costKind ?? 'development',
    },
  };
}

export function committed(commitmentId: string, amount: Money, overrides: { proposalId?: string; decisionId?: string } = {}): FundingCommitted {
  return {
    type: FundingPoolEventType.Committed,
    data: {
      poolId: POOL_ID,
      commitmentId,
      proposalId: overrides.proposalId ?? PROPOSAL_ID,
      decisionId: overrides.decisionId ?? DECISION_ID,
      amount,
      costKind: 'development',
    },
  };
}

export function release(commitmentId: string, reason?: string | null): ReleaseCommitment {
  return { type: FundingPoolCommandType.Release, data: { poolId: POOL_ID, commitmentId, reason } };
}

export function released(commitmentId: string, amount: Money, reason: string | null = null, proposalId = PROPOSAL_ID): FundingCommitmentReleased {
  return { type: FundingPoolEventType.CommitmentReleased, data: { poolId: POOL_ID, commitmentId, proposalId, amount, reason } };
}

/** Herning's worked example (seed 002 p. 17): DKK 200,000 a year saved in the department and in the others together. */
export const HERNING_BENEFICIARIES = [
  { partyId: 'department-x', yearlySavings: dkk(20_000_000) },
  { partyId: 'other-departments', yearlySavings: dkk(20_000_000) },
];

export function concludePayback(
  commitmentId: string,
  overrides: Partial<Omit<ConcludePaybackAgreement['data'], 'poolId' | 'commitmentId'>> = {},
): ConcludePaybackAgreement {
  return {
    type: FundingPoolCommandType.ConcludePaybackAgreement,
    data: { poolId: POOL_ID, commitmentId, beneficiaries: HERNING_BENEFICIARIES, shareBasisPoints: 5_000, years: 3, ...overrides },
  };
}

export function paybackConcluded(commitmentId: string, invested: Money, schedule: Installment[], overrides: Partial<PaybackAgreementConcluded['data']> = {}): PaybackAgreementConcluded {
  return {
    type: FundingPoolEventType.PaybackAgreementConcluded,
    data: {
      poolId: POOL_ID,
      organisationId: ORGANISATION_ID,
      commitmentId,
      proposalId: PROPOSAL_ID,
      beneficiaries: HERNING_BENEFICIARIES,
      shareBasisPoints: 5_000,
      firstYear: 2028,
      years: 3,
      dueMonthDay: '12-31',
      invested,
      schedule,
      ...overrides,
    },
  };
}

export function pay(commitmentId: string, paymentId: string, partyId: string, year: number, amount: Money, paidOn = `${year}-12-15`): RecordPaybackPayment {
  return { type: FundingPoolCommandType.RecordPaybackPayment, data: { poolId: POOL_ID, commitmentId, paymentId, partyId, year, amount, paidOn } };
}

export function paid(commitmentId: string, paymentId: string, partyId: string, year: number, amount: Money, paidOn = `${year}-12-15`): PaybackPaymentReceived {
  return { type: FundingPoolEventType.PaybackPaymentReceived, data: { poolId: POOL_ID, commitmentId, paymentId, partyId, year, amount, paidOn } };
}

/** Herning's schedule: each side DKK 100,000 a year for 2028-2030. */
export const HERNING_SCHEDULE: Installment[] = [2028, 2029, 2030].flatMap((year) =>
  ['department-x', 'other-departments'].map((partyId) => ({ year, partyId, dueOn: `${year}-12-31`, amount: dkk(10_000_000) })),
);
