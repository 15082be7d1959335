import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../../shared-kernel/domain-error.js';
import type { FundingPoolCommand } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { paidBackOf, paybackSchedule } from './payback.js';
import { initialFundingPoolState, poolBalance, type EstablishedFundingPool, type FundingPoolState } from './state.js';
import { adjust, commit, concludePayback, dkk, establish, pay, release } from './testing-fixtures.js';

/** Amounts up to DKK 10m in øre, small ones often so that caps, balances and installments collide. */
const amountArb = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000_000_000 }));
/** Pools mostly large enough to fund something, sometimes empty. */
const poolAmountArb = fc.oneof({ arbitrary: fc.integer({ min: 1_000_000, max: 10_000_000_000 }), weight: 4 }, { arbitrary: amountArb, weight: 1 });
const commitmentIdArb = fc.constantFrom('c1', 'c2');
const partyArb = fc.constantFrom('a', 'b', 'c');
const beneficiariesArb = fc.uniqueArray(fc.record({ partyId: partyArb, yearlySavings: fc.integer({ min: 1, max: 100_000_000 }).map(dkk) }), {
  minLength: 1,
  maxLength: 3,
  selector: (b) => b.partyId,
});
const termsArb = fc.record({
  beneficiaries: beneficiariesArb,
  shareBasisPoints: fc.integer({ min: 1, max: 10_000 }),
  firstYear: fc.integer({ min: 2027, max: 2030 }),
  years: fc.integer({ min: 1, max: 8 }),
});
/** Payments mostly small, so that many fit their installment and some overshoot it. */
const paymentArb = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 100_000 }), weight: 3 }, { arbitrary: amountArb, weight: 1 });

// weighted so that commitments get agreements and agreements get many payments
const commandArb: fc.Arbitrary<FundingPoolCommand> = fc.oneof(
  { arbitrary: amountArb.map((a) => adjust(dkk(a))), weight: 1 },
  { arbitrary: fc.tuple(commitmentIdArb, amountArb).map(([id, a]) => commit(id, dkk(a))), weight: 3 },
  { arbitrary: commitmentIdArb.map((id) => release(id)), weight: 1 },
  { arbitrary: fc.tuple(commitmentIdArb, termsArb).map(([id, terms]) => concludePayback(id, terms)), weight: 3 },
  {
    arbitrary: fc
      .tuple(commitmentIdArb, fc.string({ minLength: 1, maxLength: 3 }), partyArb, fc.integer({ min: 2027, max: 2034 }), paymentArb)
      .map(([id, paymentId, party, year, a]) => pay(id, paymentId, party, year, dkk(a))),
    weight: 12,
  },
);

/** Runs commands as the application would: a refused command (a DomainError) changes nothing. */
function run(amount: number, commands: readonly FundingPoolCommand[]): EstablishedFundingPool[] {
  let state: FundingPoolState = decide(establish({ amount: dkk(amount) }), initialFundingPoolState()).reduce(evolve, initialFundingPoolState());
  const states = [state as EstablishedFundingPool];
  for (const command of commands) {
    try {
      state = decide(command, state).reduce(evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    states.push(state as EstablishedFundingPool);
  }
  return states;
}

describe('paybacks: properties', () => {
  it('the balance is amount - active commitments + paybacks received, never negative, in whole øre', () => {
    fc.assert(
      fc.property(poolAmountArb, fc.array(commandArb, { minLength: 20, maxLength: 60 }), (amount, commands) => {
        for (const pool of run(amount, commands)) {
          const active = pool.commitments.filter((c) => c.status === 'active').reduce((sum, c) => sum + c.amount.amountMinor, 0);
          const received = pool.paybackAgreements.flatMap((a) => a.payments).reduce((sum, p) => sum + p.amount.amountMinor, 0);
          const balance = poolBalance(pool);
          expect(balance).toEqual({ amount: pool.amount, committed: dkk(active), paidBack: dkk(received), available: dkk(pool.amount.amountMinor - active + received) });
          expect(balance.available.amountMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(balance.available.amountMinor)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('paybacks never exceed the amount invested, nor any installment what it owes', () => {
    fc.assert(
      fc.property(poolAmountArb, fc.array(commandArb, { minLength: 20, maxLength: 60 }), (amount, commands) => {
        const pool = run(amount, commands).at(-1)!;
        for (const agreement of pool.paybackAgreements) {
          const invested = pool.commitments.find((c) => c.commitmentId === agreement.commitmentId)!.amount.amountMinor;
          expect(agreement.invested.amountMinor).toBe(invested);
          expect(paidBackOf(agreement)).toBeLessThanOrEqual(invested);
          for (const i of agreement.schedule) {
            const paid = agreement.payments.filter((p) => p.partyId === i.partyId && p.year === i.year).reduce((sum, p) => sum + p.amount.amountMinor, 0);
            expect(paid).toBeLessThanOrEqual(i.amount.amountMinor);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a schedule asks the smaller of the investment and the sum of the yearly shares, in whole øre, and nothing after the cap', () => {
    fc.assert(
      fc.property(termsArb, amountArb.map((a) => Math.max(a, 1)), ({ beneficiaries, shareBasisPoints, firstYear, years }, invested) => {
        const schedule = paybackSchedule({ beneficiaries, shareBasisPoints, firstYear, years, dueMonthDay: '12-31' }, dkk(invested));
        const yearly = beneficiaries.reduce((sum, b) => sum + Math.floor((b.yearlySavings.amountMinor * shareBasisPoints) / 10_000), 0);
        const total = schedule.reduce((sum, i) => sum + i.amount.amountMinor, 0);
        expect(total).toBe(Math.min(invested, yearly * years));
        for (const i of schedule) {
          expect(Number.isSafeInteger(i.amount.amountMinor) && i.amount.amountMinor > 0).toBe(true);
          expect(i.year).toBeGreaterThanOrEqual(firstYear);
          expect(i.year).toBeLessThan(firstYear + years);
        }
        // once the cap is reached, no later year is listed
        const capYear = schedule.at(-1)?.year;
        if (total === invested && capYear !== undefined) expect(schedule.every((i) => i.year <= capYear)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
