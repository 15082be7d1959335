import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import type { Money } from '../../shared-kernel/money.js';
import { fundingPoolDecider } from './decider.js';
import {
  AdjustmentBelowCommitted,
  CommitmentIdInUse,
  CommitmentNotFound,
  FundingPoolAlreadyExists,
  FundingPoolNotFound,
  InconsistentFundingHistory,
  InsufficientFunds,
  InvalidFundingRequest,
  OperationsCostsNotFundable,
} from './errors.js';
import { evolve } from './evolve.js';
import { initialFundingPoolState, poolBalance, type EstablishedFundingPool } from './state.js';
import {
  adjust,
  adjusted,
  commit,
  committed,
  dkk,
  establish,
  established,
  POOL_AMOUNT,
  POOL_ID,
  release,
  released,
} from './testing-fixtures.js';

const given = deciderSpec(fundingPoolDecider);
const balanceOf = (state: unknown) => poolBalance(state as EstablishedFundingPool);

describe('EstablishFundingPool', () => {
  it('establishes a yearly development pool with its amount, for all investment areas by default', () => {
    const state = given([]).when(establish()).then([established()]);
    expect(balanceOf(state)).toEqual({ amount: POOL_AMOUNT, committed: dkk(0), paidBack: dkk(0), available: POOL_AMOUNT });
  });

  it('may be for one investment area', () => {
    const [event] = fundingPoolDecider.decide(establish({ investmentArea: 'digital_workplace' }), initialFundingPoolState());
    expect(event.data).toMatchObject({ investmentArea: 'digital_workplace' });
  });

  it('may start empty (amount 0) and be topped up later', () => {
    given([]).when(establish({ amount: dkk(0) })).then([established(dkk(0))]);
  });

  it('is established once', () => {
    given([established()]).when(establish()).then(new FundingPoolAlreadyExists(POOL_ID));
  });

  it.each<[string, Parameters<typeof establish>[0], InvalidFundingRequest]>([
    ['a blank name', { name: '  ' }, new InvalidFundingRequest('name', 'must not be empty')],
    ['no forum', { forumId: '' }, new InvalidFundingRequest('forumId', 'must not be empty')],
    ['a year before 2000', { year: 1999 }, new InvalidFundingRequest('year', 'must be a whole year from 2000 to 2100')],
    ['a fractional year', { year: 2027.5 }, new InvalidFundingRequest('year', 'must be a whole year from 2000 to 2100')],
    ['a negative amount', { amount: dkk(-1) }, new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 0')],
    ['a fractional amount', { amount: dkk(0.5) }, new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 0')],
    ['an unsafe amount', { amount: dkk(2 ** 53) }, new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 0')],
    ['an unknown currency', { amount: { amountMinor: 1, currency: 'USD' } as unknown as Money }, new InvalidFundingRequest('amount.currency', 'must be one of DKK, NOK, EUR')],
    [
      'an unknown investment area',
      { investmentArea: 'roads' as never },
      new InvalidFundingRequest(
        'investmentArea',
        'must be one of service_to_citizens_and_businesses, digital_workplace, modernisation_of_systems_and_architecture',
      ),
    ],
  ])('refuses %s', (_what, overrides, error) => {
    given([]).when(establish(overrides)).then(error);
  });
});

describe('AdjustFundingPoolAmount', () => {
  it('sets a new amount, recording the previous one and the reason', () => {
    const state = given([established()]).when(adjust(dkk(1_200_000_000))).then([adjusted(POOL_AMOUNT, dkk(1_200_000_000))]);
    expect(balanceOf(state).available).toEqual(dkk(1_200_000_000));
  });

  it('may cut the amount down to exactly what is committed, leaving nothing available', () => {
    const state = given([established(), committed('c1', dkk(600_000_00))])
      .when(adjust(dkk(600_000_00), 'Budget cut'))
      .then([adjusted(POOL_AMOUNT, dkk(600_000_00), 'Budget cut')]);
    expect(balanceOf(state)).toEqual({ amount: dkk(600_000_00), committed: dkk(600_000_00), paidBack: dkk(0), available: dkk(0) });
  });

  it('refuses to go below what is committed: the balance never goes negative', () => {
    given([established(), committed('c1', dkk(600_000_00))])
      .when(adjust(dkk(599_999_99)))
      .then(new AdjustmentBelowCommitted(POOL_ID, dkk(599_999_99), dkk(600_000_00)));
  });

  it('records nothing when the amount is unchanged', () => {
    given([established()]).when(adjust(POOL_AMOUNT)).then([]);
  });

  it('needs a reason', () => {
    given([established()]).when(adjust(dkk(1), ' ')).then(new InvalidFundingRequest('reason', 'must not be empty'));
  });

  it("keeps the pool's currency", () => {
    given([established()])
      .when(adjust({ amountMinor: 100, currency: 'EUR' }))
      .then(new InvalidFundingRequest('amount.currency', "must be DKK, the pool's currency"));
  });

  it('needs an existing pool', () => {
    given([]).when(adjust(dkk(1))).then(new FundingPoolNotFound(POOL_ID));
  });
});

describe('CommitFunding', () => {
  it('commits money to a proposal by a decision, lowering the available balance', () => {
    const state = given([established()]).when(commit('c1', dkk(60_000_000))).then([committed('c1', dkk(60_000_000))]);
    expect(balanceOf(state)).toEqual({ amount: POOL_AMOUNT, committed: dkk(60_000_000), paidBack: dkk(0), available: dkk(940_000_000) });
  });

  it('may commit exactly the available balance', () => {
    const state = given([established(), committed('c1', dkk(400_000_000))])
      .when(commit('c2', dkk(600_000_000), { proposalId: 'proposal-2' }))
      .then([committed('c2', dkk(600_000_000), { proposalId: 'proposal-2' })]);
    expect(balanceOf(state).available).toEqual(dkk(0));
  });

  it('refuses more than the available balance, saying how much is available', () => {
    given([established(), committed('c1', dkk(400_000_000))])
      .when(commit('c2', dkk(600_000_001)))
      .then(new InsufficientFunds(POOL_ID, dkk(600_000_001), dkk(600_000_000)));
  });

  it('refuses operations costs: the pool funds development only', () => {
    given([established()]).when(commit('c1', dkk(1_500_000), { costKind: 'operations' })).then(new OperationsCostsNotFundable(POOL_ID));
  });

  it('refuses an unknown cost kind', () => {
    given([established()])
      .when(commit('c1', dkk(1), { costKind: 'licences' as never }))
      .then(new InvalidFundingRequest('costKind', 'must be one of development, operations'));
  });

  it.each<[string, Money, InvalidFundingRequest]>([
    ['nothing', dkk(0), new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1')],
    ['a negative amount', dkk(-100), new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1')],
    ['a fraction of an øre', dkk(10.5), new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1')],
    ['another currency', { amountMinor: 100, currency: 'NOK' }, new InvalidFundingRequest('amount.currency', "must be DKK, the pool's currency")],
  ])('refuses to commit %s', (_what, amount, error) => {
    given([established()]).when(commit('c1', amount)).then(error);
  });

  it('needs a decision to point to', () => {
    given([established()]).when(commit('c1', dkk(1), { decisionId: '' })).then(new InvalidFundingRequest('decisionId', 'must not be empty'));
  });

  it('records nothing for a retry of the same commitment', () => {
    given([established(), committed('c1', dkk(100))]).when(commit('c1', dkk(100))).then([]);
  });

  it('refuses the same commitment id for a different commitment', () => {
    given([established(), committed('c1', dkk(100))]).when(commit('c1', dkk(200))).then(new CommitmentIdInUse(POOL_ID, 'c1'));
  });

  it('refuses to reuse the id of a released commitment', () => {
    given([established(), committed('c1', dkk(100)), released('c1', dkk(100))]).when(commit('c1', dkk(100))).then(new CommitmentIdInUse(POOL_ID, 'c1'));
  });

  it('needs an existing pool', () => {
    given([]).when(commit('c1', dkk(1))).then(new FundingPoolNotFound(POOL_ID));
  });
});

describe('ReleaseCommitment', () => {
  it("returns the commitment's whole amount to the balance", () => {
    const state = given([established(), committed('c1', dkk(60_000_000))])
      .when(release('c1', 'Project cancelled'))
      .then([released('c1', dkk(60_000_000), 'Project cancelled')]);
    expect(balanceOf(state)).toEqual({ amount: POOL_AMOUNT, committed: dkk(0), paidBack: dkk(0), available: POOL_AMOUNT });
    expect((state as EstablishedFundingPool).commitments[0]).toMatchObject({ status: 'released', releaseReason: 'Project cancelled' });
  });

  it('records nothing when the commitment is released already', () => {
    given([established(), committed('c1', dkk(100)), released('c1', dkk(100))]).when(release('c1')).then([]);
  });

  it('refuses an unknown commitment', () => {
    given([established()]).when(release('c9')).then(new CommitmentNotFound(POOL_ID, 'c9'));
  });
});

describe('evolve', () => {
  it('refuses a history that releases what was never committed', () => {
    expect(() => [established(), released('c1', dkk(1))].reduce(evolve, initialFundingPoolState())).toThrow(InconsistentFundingHistory);
  });

  it('refuses a history that establishes twice', () => {
    expect(() => [established(), established()].reduce(evolve, initialFundingPoolState())).toThrow(InconsistentFundingHistory);
  });
});
