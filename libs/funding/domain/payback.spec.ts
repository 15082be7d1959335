import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import { fundingPoolDecider } from './decider.js';
import {
  CommitmentHasPaybacks,
  CommitmentNotFound,
  CommitmentReleased,
  InconsistentFundingHistory,
  InvalidFundingRequest,
  PaybackAgreementExists,
  PaybackAgreementNotFound,
  PaymentExceedsInstallment,
  PaymentIdInUse,
} from './errors.js';
import { evolve } from './evolve.js';
import { installmentPositions, paybackSchedule } from './payback.js';
import { findPaybackAgreement, initialFundingPoolState, poolBalance, type EstablishedFundingPool } from './state.js';
import {
  commit,
  committed,
  concludePayback,
  dkk,
  established,
  HERNING_BENEFICIARIES,
  HERNING_SCHEDULE,
  paid,
  pay,
  paybackConcluded,
  POOL_AMOUNT,
  POOL_ID,
  release,
  released,
} from './testing-fixtures.js';

const given = deciderSpec(fundingPoolDecider);
/** The pool pays DKK 600,000 for the integration (seed 002 p. 17). */
const INVESTED = dkk(60_000_000);
const herning = [established(), committed('integration', INVESTED), paybackConcluded('integration', INVESTED, HERNING_SCHEDULE)];

describe('ConcludePaybackAgreement (efficiency principle)', () => {
  it("gives Herning's schedule: each side DKK 100,000 a year from year 1 for 3 years, DKK 600,000 in all", () => {
    const state = given([established(), committed('integration', INVESTED)])
      .when(concludePayback('integration'))
      .then([paybackConcluded('integration', INVESTED, HERNING_SCHEDULE)]);
    const agreement = findPaybackAgreement(state as EstablishedFundingPool, 'integration')!;
    expect(agreement.schedule.reduce((sum, i) => sum + i.amount.amountMinor, 0)).toBe(60_000_000);
    // year 0 is the pool's year (2027): no savings yet, so nothing is owed for it
    expect(agreement.schedule.map((i) => i.year)).toEqual([2028, 2028, 2029, 2029, 2030, 2030]);
  });

  it('owes nothing after the cap: a fourth year adds no installment', () => {
    given([established(), committed('integration', INVESTED)])
      .when(concludePayback('integration', { years: 4 }))
      .then([paybackConcluded('integration', INVESTED, HERNING_SCHEDULE, { years: 4 })]);
  });

  it('splits what is left of the cap in the year it is reached, by what each would have paid, to the øre', () => {
    // DKK 500,000 invested; a saves DKK 300,000 a year and b 100,000: years 1 and 2 owe 150,000 + 50,000, year 3 only
    // the 100,000 left, split 3:1
    const invested = dkk(50_000_000);
    const beneficiaries = [
      { partyId: 'a', yearlySavings: dkk(30_000_000) },
      { partyId: 'b', yearlySavings: dkk(10_000_000) },
    ];
    const schedule = paybackSchedule({ beneficiaries, shareBasisPoints: 5_000, firstYear: 2028, years: 5, dueMonthDay: '06-30' }, invested);
    expect(schedule.map((i) => [i.year, i.partyId, i.amount.amountMinor, i.dueOn])).toEqual([
      [2028, 'a', 15_000_000, '2028-06-30'],
      [2028, 'b', 5_000_000, '2028-06-30'],
      [2029, 'a', 15_000_000, '2029-06-30'],
      [2029, 'b', 5_000_000, '2029-06-30'],
      [2030, 'a', 7_500_000, '2030-06-30'],
      [2030, 'b', 2_500_000, '2030-06-30'],
    ]);
  });

  it('gives the odd øre of a capped year to the largest remainder', () => {
    // 1,000 øre left of the cap, owed 1:2 → 333.33 and 666.67: the second has the larger remainder
    const beneficiaries = [
      { partyId: 'a', yearlySavings: dkk(1_000) },
      { partyId: 'b', yearlySavings: dkk(2_000) },
    ];
    const schedule = paybackSchedule({ beneficiaries, shareBasisPoints: 10_000, firstYear: 2028, years: 2, dueMonthDay: '12-31' }, dkk(1_000));
    expect(schedule.map((i) => [i.partyId, i.amount.amountMinor])).toEqual([
      ['a', 333],
      ['b', 667],
    ]);
  });

  it('rounds each share down to the øre: nobody pays more than its share of the gain', () => {
    const schedule = paybackSchedule({ beneficiaries: [{ partyId: 'a', yearlySavings: dkk(333) }], shareBasisPoints: 5_000, firstYear: 2028, years: 1, dueMonthDay: '12-31' }, dkk(1_000));
    expect(schedule[0].amount).toEqual(dkk(166));
  });

  it('records nothing when the same terms are concluded again', () => {
    given(herning).when(concludePayback('integration')).then([]);
  });

  it('refuses other terms on a commitment that has an agreement: one per commitment', () => {
    given(herning).when(concludePayback('integration', { shareBasisPoints: 2_500 })).then(new PaybackAgreementExists(POOL_ID, 'integration'));
  });

  it('refuses an unknown or released commitment', () => {
    given([established()]).when(concludePayback('nothing')).then(new CommitmentNotFound(POOL_ID, 'nothing'));
    given([established(), committed('c1', INVESTED), released('c1', INVESTED)]).when(concludePayback('c1')).then(new CommitmentReleased(POOL_ID, 'c1'));
  });

  it.each<[string, Parameters<typeof concludePayback>[1], InvalidFundingRequest]>([
    ['no beneficiaries', { beneficiaries: [] }, new InvalidFundingRequest('beneficiaries', 'must name 1 to 50 parties')],
    [
      'a party named twice',
      { beneficiaries: [HERNING_BENEFICIARIES[0], HERNING_BENEFICIARIES[0]] },
      new InvalidFundingRequest('beneficiaries[1].partyId', 'names department-x twice'),
    ],
    [
      'a saving of nothing',
      { beneficiaries: [{ partyId: 'a', yearlySavings: dkk(0) }] },
      new InvalidFundingRequest('beneficiaries[0].yearlySavings.amountMinor', 'must be a whole number of minor units, at least 1'),
    ],
    [
      'a saving in another currency',
      { beneficiaries: [{ partyId: 'a', yearlySavings: { amountMinor: 5, currency: 'EUR' } }] },
      new InvalidFundingRequest('beneficiaries[0].yearlySavings.currency', "must be DKK, the pool's currency"),
    ],
    ['a share of 0', { shareBasisPoints: 0 }, new InvalidFundingRequest('shareBasisPoints', 'must be a whole number from 1 to 10000 (basis points of the gain)')],
    ['a share above 100 %', { shareBasisPoints: 10_001 }, new InvalidFundingRequest('shareBasisPoints', 'must be a whole number from 1 to 10000 (basis points of the gain)')],
    ['a first year before the investment', { firstYear: 2026 }, new InvalidFundingRequest('firstYear', "must be a whole year from 2027 (the pool's year) to 2100")],
    ['no years', { years: 0 }, new InvalidFundingRequest('years', 'must be a whole number from 1 to 30')],
    ['a leap day as due day', { dueMonthDay: '02-29' }, new InvalidFundingRequest('dueMonthDay', 'must be MM-DD, a day every year has')],
    [
      'a share of the savings below one øre',
      { beneficiaries: [{ partyId: 'a', yearlySavings: dkk(1) }], shareBasisPoints: 1 },
      new InvalidFundingRequest('shareBasisPoints', 'the share of the yearly savings comes to less than one øre: nothing would be paid back'),
    ],
  ])('refuses %s', (_what, overrides, error) => {
    given([established(), committed('integration', INVESTED)]).when(concludePayback('integration', overrides)).then(error);
  });
});

describe('RecordPaybackPayment', () => {
  it("flows back into the pool's balance", () => {
    const state = given(herning)
      .when(pay('integration', 'p1', 'department-x', 2028, dkk(10_000_000)))
      .then([paid('integration', 'p1', 'department-x', 2028, dkk(10_000_000))]);
    expect(poolBalance(state as EstablishedFundingPool)).toEqual({
      amount: POOL_AMOUNT,
      committed: INVESTED,
      paidBack: dkk(10_000_000),
      available: dkk(POOL_AMOUNT.amountMinor - 60_000_000 + 10_000_000),
    });
  });

  it('may pay an installment in parts, up to what it owes', () => {
    given([...herning, paid('integration', 'p1', 'department-x', 2028, dkk(4_000_000))])
      .when(pay('integration', 'p2', 'department-x', 2028, dkk(6_000_000)))
      .then([paid('integration', 'p2', 'department-x', 2028, dkk(6_000_000))]);
  });

  it('refuses more than the installment still owes, saying how much that is', () => {
    given([...herning, paid('integration', 'p1', 'department-x', 2028, dkk(4_000_000))])
      .when(pay('integration', 'p2', 'department-x', 2028, dkk(6_000_001)))
      .then(new PaymentExceedsInstallment('integration', 'department-x', 2028, dkk(6_000_001), dkk(6_000_000)));
  });

  it('records nothing for a retry of the same payment, and refuses its id for another', () => {
    const history = [...herning, paid('integration', 'p1', 'department-x', 2028, dkk(4_000_000))];
    given(history).when(pay('integration', 'p1', 'department-x', 2028, dkk(4_000_000))).then([]);
    given(history).when(pay('integration', 'p1', 'department-x', 2028, dkk(1))).then(new PaymentIdInUse('integration', 'p1'));
  });

  it.each<[string, ReturnType<typeof pay>, InvalidFundingRequest]>([
    ['a party that is no beneficiary', pay('integration', 'p', 'finance', 2028, dkk(1)), new InvalidFundingRequest('partyId', 'must be a beneficiary of the agreement: department-x, other-departments')],
    ['a year with no installment (after the cap)', pay('integration', 'p', 'department-x', 2031, dkk(1)), new InvalidFundingRequest('year', 'must be a year department-x owes an installment: 2028, 2029, 2030')],
    ['nothing', pay('integration', 'p', 'department-x', 2028, dkk(0)), new InvalidFundingRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1')],
    ['another currency', pay('integration', 'p', 'department-x', 2028, { amountMinor: 1, currency: 'NOK' }), new InvalidFundingRequest('amount.currency', "must be DKK, the pool's currency")],
    ['a day that does not exist', pay('integration', 'p', 'department-x', 2028, dkk(1), '2028-02-30'), new InvalidFundingRequest('paidOn', 'must be a calendar date YYYY-MM-DD')],
  ])('refuses %s', (_what, command, error) => {
    given(herning).when(command).then(error);
  });

  it('needs an agreement', () => {
    given([established(), committed('c1', INVESTED)]).when(pay('c1', 'p', 'department-x', 2028, dkk(1))).then(new PaybackAgreementNotFound(POOL_ID, 'c1'));
  });
});

describe('releasing a commitment with a payback agreement', () => {
  it('ends an agreement nothing was paid on: nothing is owed any more, no payment is taken', () => {
    const state = given(herning).when(release('integration', 'Project cancelled')).then([released('integration', INVESTED, 'Project cancelled')]);
    const agreement = findPaybackAgreement(state as EstablishedFundingPool, 'integration')!;
    expect(agreement.status).toBe('ended');
    expect(installmentPositions(agreement, '2031-01-01').every((i) => i.status === 'cancelled' && i.outstanding.amountMinor === 0)).toBe(true);
    given([...herning, released('integration', INVESTED)]).when(pay('integration', 'p', 'department-x', 2028, dkk(1))).then(new CommitmentReleased(POOL_ID, 'integration'));
  });

  it('is refused once money was paid back: the investment would return twice', () => {
    given([...herning, paid('integration', 'p1', 'other-departments', 2028, dkk(10_000_000))])
      .when(release('integration'))
      .then(new CommitmentHasPaybacks(POOL_ID, 'integration', dkk(10_000_000)));
  });
});

describe('installment positions', () => {
  const agreement = () => findPaybackAgreement([...herning, paid('integration', 'p1', 'department-x', 2028, dkk(10_000_000))].reduce(evolve, initialFundingPoolState()) as EstablishedFundingPool, 'integration')!;

  it('an installment is overdue from the day after its due day while money is outstanding', () => {
    const onDueDay = installmentPositions(agreement(), '2028-12-31').filter((i) => i.year === 2028);
    expect(onDueDay.map((i) => i.status)).toEqual(['paid', 'open']);
    const dayAfter = installmentPositions(agreement(), '2029-01-01').filter((i) => i.year === 2028);
    expect(dayAfter.map((i) => [i.partyId, i.status, i.outstanding.amountMinor])).toEqual([
      ['department-x', 'paid', 0],
      ['other-departments', 'overdue', 10_000_000],
    ]);
  });
});

describe('evolve', () => {
  it('refuses a payment on an agreement that was never concluded', () => {
    expect(() => [established(), committed('c1', INVESTED), paid('c1', 'p', 'a', 2028, dkk(1))].reduce(evolve, initialFundingPoolState())).toThrow(InconsistentFundingHistory);
  });

  it('refuses a second agreement on one commitment', () => {
    expect(() => [...herning, paybackConcluded('integration', INVESTED, HERNING_SCHEDULE)].reduce(evolve, initialFundingPoolState())).toThrow(InconsistentFundingHistory);
  });

  it('a commitment without an agreement is funded under the development principle: no payback is ever owed', () => {
    const state = given([established()]).when(commit('citizen-service', dkk(50_000_000))).then([committed('citizen-service', dkk(50_000_000))]);
    expect((state as EstablishedFundingPool).paybackAgreements).toEqual([]);
  });
});
