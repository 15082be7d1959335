import { CURRENCIES, type Money } from '../../shared-kernel/money.js';
import {
  FundingPoolCommandType,
  type AdjustFundingPoolAmount,
  type CommitFunding,
  type EstablishFundingPool,
  type FundingPoolCommand,
  type ReleaseCommitment,
} from './commands.js';
import {
  AdjustmentBelowCommitted,
  CommitmentIdInUse,
  CommitmentNotFound,
  FundingPoolAlreadyExists,
  FundingPoolNotFound,
  InsufficientFunds,
  InvalidFundingRequest,
  OperationsCostsNotFundable,
} from './errors.js';
import { FundingPoolEventType, type FundingPoolEvent } from './events.js';
import { COST_KINDS, INVESTMENT_AREAS, MAX_YEAR, MIN_YEAR } from './funding-pool.js';
import { findCommitment, poolBalance, type EstablishedFundingPool, type FundingPoolState } from './state.js';

/**
 * The rules of a development pool: established once; its amount adjusted, never below what is committed; money
 * committed to proposals for development only and only up to the available balance; commitments released back.
 * So the balance (amount - committed) is never negative and always whole minor units. Returns events or throws.
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
  const reason = typeof data.reason === 'string' && data.reason.trim() !== '' ? data.reason : null;
  const { commitmentId, proposalId, amount } = commitment;
  return [{ type: FundingPoolEventType.CommitmentReleased, data: { poolId: pool.poolId, commitmentId, proposalId, amount, reason } }];
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
