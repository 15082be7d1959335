import { isCalendarDate } from '../../governance/domain/forums/calendar-date.js';
import { deepEqual } from '../../shared-kernel/deep-equal.js';
import { CURRENCIES, type Money } from '../../shared-kernel/money.js';
import {
  FundingPoolCommandType,
  type AdjustFundingPoolAmount,
  type CommitFunding,
  type ConcludePaybackAgreement,
  type EstablishFundingPool,
  type FundingPoolCommand,
  type RecordPaybackPayment,
  type ReleaseCommitment,
} from './commands.js';
import {
  AdjustmentBelowCommitted,
  CommitmentHasPaybacks,
  CommitmentIdInUse,
  CommitmentNotFound,
  CommitmentReleased,
  FundingPoolAlreadyExists,
  FundingPoolNotFound,
  InsufficientFunds,
  InvalidFundingRequest,
  OperationsCostsNotFundable,
  PaybackAgreementExists,
  PaybackAgreementNotFound,
  PaymentExceedsInstallment,
  PaymentIdInUse,
} from './errors.js';
import { FundingPoolEventType, type FundingPoolEvent } from './events.js';
import { COST_KINDS, INVESTMENT_AREAS, MAX_YEAR, MIN_YEAR } from './funding-pool.js';
import {
  DEFAULT_DUE_MONTH_DAY,
  MAX_BENEFICIARIES,
  MAX_PAYBACK_YEARS,
  MAX_SHARE_BASIS_POINTS,
  paidBackOf,
  paidTowards,
  paybackSchedule,
  type Beneficiary,
} from './payback.js';
import { findCommitment, findPaybackAgreement, poolBalance, type EstablishedFundingPool, type FundingPoolState } from './state.js';

/**
 * The rules of a development pool: established once; its amount adjusted, never below what is committed; money
 * committed to proposals for development only and only up to the available balance; commitments released back;
 * payback agreements on commitments (efficiency principle) whose payments flow back into the balance, never beyond
 * their schedule and so never beyond the amount invested. So the balance (amount - committed + paid back) is never
 * negative and always whole minor units. Returns events or throws.
 */
export function decide(command: FundingPoolCommand, state: FundingPoolState): FundingPoolEvent[] {
  switch (command.type) {
    case FundingPoolCommandType.Establish:
      return establish(command, state);
    case FundingPoolCommandType.AdjustAmount:
      return adjust(command, state);
    case FundingPoolCommandType.Commit:
      return commit(command, state);
    case FundingPoolCommandType.Release:
      return release(command, state);
    case FundingPoolCommandType.ConcludePaybackAgreement:
      return concludePaybackAgreement(command, state);
    case FundingPoolCommandType.RecordPaybackPayment:
      return recordPaybackPayment(command, state);
  }
}

function establish({ data }: EstablishFundingPool, state: FundingPoolState): FundingPoolEvent[] {
  if (state.status !== 'none') throw new FundingPoolAlreadyExists(data.poolId);
  requireText(data.poolId, 'poolId');
  requireText(data.organisationId, 'organisationId');
  requireText(data.forumId, 'forumId');
  requireText(data.name, 'name');
  if (!Number.isSafeInteger(data.year) || data.year < MIN_YEAR || data.year > MAX_YEAR) {
    throw new InvalidFundingRequest('year', `must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  const area = data.investmentArea ?? null;
  if (area !== null && !(INVESTMENT_AREAS as readonly string[]).includes(area)) {
    throw new InvalidFundingRequest('investmentArea', `must be one of ${INVESTMENT_AREAS.join(', ')}`);
  }
  const amount = requireMoney(data.amount, 'amount', 0);
  const { poolId, organisationId, forumId, year, name } = data;
  return [{ type: FundingPoolEventType.Established, data: { poolId, organisationId, forumId, year, name, investmentArea: area, amount } }];
}

function adjust({ data }: AdjustFundingPoolAmount, state: FundingPoolState): FundingPoolEvent[] {
  const pool = established(state, data.poolId);
  requireText(data.reason, 'reason');
  const amount = requireMoney(data.amount, 'amount', 0);
  requireCurrency(pool, amount, 'amount.currency');
  if (amount.amountMinor === pool.amount.amountMinor) return [];
  const { committed } = poolBalance(pool);
  if (amount.amountMinor < committed.amountMinor) throw new AdjustmentBelowCommitted(pool.poolId, amount, committed);
  return [{ type: FundingPoolEventType.AmountAdjusted, data: { poolId: pool.poolId, previousAmount: pool.amount, amount, reason: data.reason } }];
}

function commit({ data }: CommitFunding, state: FundingPoolState): FundingPoolEvent[] {
  const pool = established(state, data.poolId);
  requireText(data.commitmentId, 'commitmentId');
  requireText(data.proposalId, 'proposalId');
  requireText(data.decisionId, 'decisionId');
  if (!(COST_KINDS as readonly string[]).includes(data.costKind)) {
    throw new InvalidFundingRequest('costKind', `must be one of ${COST_KINDS.join(', ')}`);
  }
  if (data.costKind !== 'development') throw new OperationsCostsNotFundable(pool.poolId);
  const amount = requireMoney(data.amount, 'amount', 1);
  requireCurrency(pool, amount, 'amount.currency');
  const existing = findCommitment(pool, data.commitmentId);
  if (existing) {
    const same =
      existing.status === 'active' &&
      existing.proposalId === data.proposalId &&
      existing.decisionId === data.decisionId &&
      existing.amount.amountMinor === amount.amountMinor;
    if (same) return []; // a retry of the same commitment
    throw new CommitmentIdInUse(pool.poolId, data.commitmentId);
  }
  const { available } = poolBalance(pool);
  if (amount.amountMinor > available.amountMinor) throw new InsufficientFunds(pool.poolId, amount, available);
  const { commitmentId, proposalId, decisionId } = data;
  return [{ type: FundingPoolEventType.Committed, data: { poolId: pool.poolId, commitmentId, proposalId, decisionId, amount, costKind: 'development' } }];
}

function release({ data }: ReleaseCommitment, state: FundingPoolState): FundingPoolEvent[] {
  const pool = established(state, data.poolId);
  const commitment = findCommitment(pool, data.commitmentId);
  if (!commitment) throw new CommitmentNotFound(pool.poolId, data.commitmentId);
  if (commitment.status === 'released') return [];
  const agreement = findPaybackAgreement(pool, commitment.commitmentId);
  const paidBack = agreement ? paidBackOf(agreement) : 0;
  if (paidBack > 0) throw new CommitmentHasPaybacks(pool.poolId, commitment.commitmentId, { amountMinor: paidBack, currency: pool.amount.currency });
  const reason = typeof data.reason === 'string' && data.reason.trim() !== '' ? data.reason : null;
  const { commitmentId, proposalId, amount } = commitment;
  return [{ type: FundingPoolEventType.CommitmentReleased, data: { poolId: pool.poolId, commitmentId, proposalId, amount, reason } }];
}

function concludePaybackAgreement({ data }: ConcludePaybackAgreement, state: FundingPoolState): FundingPoolEvent[] {
  const pool = established(state, data.poolId);
  const commitment = findCommitment(pool, data.commitmentId);
  if (!commitment) throw new CommitmentNotFound(pool.poolId, data.commitmentId);
  if (commitment.status === 'released') throw new CommitmentReleased(pool.poolId, commitment.commitmentId);
  const beneficiaries = requireBeneficiaries(pool, data.beneficiaries);
  if (!Number.isSafeInteger(data.shareBasisPoints) || data.shareBasisPoints < 1 || data.shareBasisPoints > MAX_SHARE_BASIS_POINTS) {
    throw new InvalidFundingRequest('shareBasisPoints', `must be a whole number from 1 to ${MAX_SHARE_BASIS_POINTS} (basis points of the gain)`);
  }
  const firstYear = data.firstYear ?? pool.year + 1;
  if (!Number.isSafeInteger(firstYear) || firstYear < pool.year || firstYear > MAX_YEAR) {
    throw new InvalidFundingRequest('firstYear', `must be a whole year from ${pool.year} (the pool's year) to ${MAX_YEAR}`);
  }
  if (!Number.isSafeInteger(data.years) || data.years < 1 || data.years > MAX_PAYBACK_YEARS) {
    throw new InvalidFundingRequest('years', `must be a whole number from 1 to ${MAX_PAYBACK_YEARS}`);
  }
  const dueMonthDay = data.dueMonthDay ?? DEFAULT_DUE_MONTH_DAY;
  // a day every year has: 02-29 would not fall due in most years
  if (typeof dueMonthDay !== 'string' || !/^\d{2}-\d{2}$/.test(dueMonthDay) || !isCalendarDate(`2001-${dueMonthDay}`)) {
    throw new InvalidFundingRequest('dueMonthDay', 'must be MM-DD, a day every year has');
  }
  const terms = { beneficiaries, shareBasisPoints: data.shareBasisPoints, firstYear, years: data.years, dueMonthDay };
  const schedule = paybackSchedule(terms, commitment.amount);
  if (schedule.length === 0) {
    throw new InvalidFundingRequest('shareBasisPoints', 'the share of the yearly savings comes to less than one øre: nothing would be paid back');
  }
  const existing = findPaybackAgreement(pool, commitment.commitmentId);
  if (existing) {
    const { beneficiaries: b, shareBasisPoints, firstYear: f, years, dueMonthDay: d } = existing;
    if (deepEqual({ beneficiaries: b, shareBasisPoints, firstYear: f, years, dueMonthDay: d }, terms)) return []; // a retry
    throw new PaybackAgreementExists(pool.poolId, commitment.commitmentId);
  }
  const { commitmentId, proposalId, amount: invested } = commitment;
  return [
    {
      type: FundingPoolEventType.PaybackAgreementConcluded,
      data: { poolId: pool.poolId, organisationId: pool.organisationId, commitmentId, proposalId, ...terms, invested, schedule },
    },
  ];
}

function recordPaybackPayment({ data }: RecordPaybackPayment, state: FundingPoolState): FundingPoolEvent[] {
  const pool = established(state, data.poolId);
  const agreement = findPaybackAgreement(pool, data.commitmentId);
  if (!agreement) throw new PaybackAgreementNotFound(pool.poolId, data.commitmentId);
  requireText(data.paymentId, 'paymentId');
  const amount = requireMoney(data.amount, 'amount', 1);
  requireCurrency(pool, amount, 'amount.currency');
  if (!isCalendarDate(data.paidOn)) throw new InvalidFundingRequest('paidOn', 'must be a calendar date YYYY-MM-DD');
  const { paymentId, partyId, year, paidOn } = data;
  const previous = agreement.payments.find((p) => p.paymentId === paymentId);
  if (previous) {
    if (deepEqual(previous, { paymentId, partyId, year, amount, paidOn })) return []; // a retry
    throw new PaymentIdInUse(agreement.commitmentId, paymentId);
  }
  if (agreement.status === 'ended') throw new CommitmentReleased(pool.poolId, agreement.commitmentId);
  if (!agreement.beneficiaries.some((b) => b.partyId === partyId)) {
    throw new InvalidFundingRequest('partyId', `must be a beneficiary of the agreement: ${agreement.beneficiaries.map((b) => b.partyId).join(', ')}`);
  }
  const installment = agreement.schedule.find((i) => i.partyId === partyId && i.year === year);
  if (!installment) {
    const years = [...new Set(agreement.schedule.filter((i) => i.partyId === partyId).map((i) => i.year))];
    throw new InvalidFundingRequest('year', `must be a year ${partyId} owes an installment: ${years.join(', ')}`);
  }
  const outstanding = installment.amount.amountMinor - paidTowards(agreement, partyId, year);
  if (amount.amountMinor > outstanding) {
    throw new PaymentExceedsInstallment(agreement.commitmentId, partyId, year, amount, { amountMinor: outstanding, currency: amount.currency });
  }
  return [
    {
      type: FundingPoolEventType.PaybackPaymentReceived,
      data: { poolId: pool.poolId, commitmentId: agreement.commitmentId, paymentId, partyId, year, amount, paidOn },
    },
  ];
}

/** 1 to 50 parties, each named once, each with a yearly saving of at least one øre in the pool's currency. */
function requireBeneficiaries(pool: EstablishedFundingPool, beneficiaries: readonly Beneficiary[]): Beneficiary[] {
  if (!Array.isArray(beneficiaries) || beneficiaries.length < 1 || beneficiaries.length > MAX_BENEFICIARIES) {
    throw new InvalidFundingRequest('beneficiaries', `must name 1 to ${MAX_BENEFICIARIES} parties`);
  }
  const seen = new Set<string>();
  return beneficiaries.map((b, i) => {
    requireText(b?.partyId, `beneficiaries[${i}].partyId`);
    if (seen.has(b.partyId)) throw new InvalidFundingRequest(`beneficiaries[${i}].partyId`, `names ${b.partyId} twice`);
    seen.add(b.partyId);
    const yearlySavings = requireMoney(b.yearlySavings, `beneficiaries[${i}].yearlySavings`, 1);
    requireCurrency(pool, yearlySavings, `beneficiaries[${i}].yearlySavings.currency`);
    return { partyId: b.partyId, yearlySavings };
  });
}

function established(state: FundingPoolState, poolId: string): EstablishedFundingPool {
  if (state.status === 'none') throw new FundingPoolNotFound(poolId);
  return state;
}

/** Whole minor units, at least `min`, a safe integer, in a known currency. Returns only the fields Money has. */
function requireMoney(money: Money, field: string, min: number): Money {
  if (typeof money !== 'object' || money === null) throw new InvalidFundingRequest(field, 'must be an amount with a currency');
  const { amountMinor, currency } = money;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor < min) {
    throw new InvalidFundingRequest(`${field}.amountMinor`, `must be a whole number of minor units, at least ${min}`);
  }
  if (!(CURRENCIES as readonly string[]).includes(currency)) {
    throw new InvalidFundingRequest(`${field}.currency`, `must be one of ${CURRENCIES.join(', ')}`);
  }
  return { amountMinor, currency };
}

function requireCurrency(pool: EstablishedFundingPool, amount: Money, field: string): void {
  if (amount.currency !== pool.amount.currency) {
    throw new InvalidFundingRequest(field, `must be ${pool.amount.currency}, the pool's currency`);
  }
}

function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidFundingRequest(field, 'must not be empty');
}
