import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../../shared-kernel/domain-error.js';
import type { FundingPoolCommand } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialFundingPoolState, poolBalance, type EstablishedFundingPool, type FundingPoolState } from './state.js';
import { adjust, commit, dkk, establish, release } from './testing-fixtures.js';

/** Amounts up to DKK 100m in øre, with small ones often, so commitments collide with the balance. */
const amountArb = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000_000 }));
const commitmentIdArb = fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6');

const commandArb: fc.Arbitrary<FundingPoolCommand> = fc.oneof(
  amountArb.map((a) => adjust(dkk(a))),
  fc.tuple(commitmentIdArb, amountArb, fc.constantFrom('development', 'development', 'operations') as fc.Arbitrary<'development' | 'operations'>).map(([id, a, costKind]) =>
    commit(id, dkk(a), { costKind }),
  ),
  commitmentIdArb.map((id) => release(id)),
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

describe('funding pool balance: properties', () => {
  it('the balance is never negative, always whole øre, and the active commitments never exceed the amount', () => {
    fc.assert(
      fc.property(amountArb, fc.array(commandArb, { maxLength: 40 }), (amount, commands) => {
        for (const pool of run(amount, commands)) {
          const { amount: total, committed, available } = poolBalance(pool);
          const active = pool.commitments.filter((c) => c.status === 'active').reduce((sum, c) => sum + c.amount.amountMinor, 0);
          expect(committed.amountMinor).toBe(active);
          expect(active).toBeLessThanOrEqual(total.amountMinor);
          expect(available.amountMinor).toBe(total.amountMinor - active);
          expect(available.amountMinor).toBeGreaterThanOrEqual(0);
          for (const value of [total.amountMinor, committed.amountMinor, available.amountMinor]) expect(Number.isSafeInteger(value)).toBe(true);
          expect(pool.commitments.every((c) => c.costKind === 'development')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('committing and then releasing restores the available balance exactly', () => {
    fc.assert(
      fc.property(amountArb, fc.array(commandArb, { maxLength: 20 }), amountArb, (amount, history, requested) => {
        const before = run(amount, history).at(-1)!;
        const available = poolBalance(before).available.amountMinor;
        const fits = Math.min(Math.max(requested, 1), Math.max(available, 1));
        let state: FundingPoolState = before;
        try {
          state = decide(commit('fresh', dkk(fits)), state).reduce(evolve, state);
        } catch (error) {
          // nothing available: refused, and nothing changed
          expect(available).toBe(0);
          return;
        }
        expect(poolBalance(state as EstablishedFundingPool).available.amountMinor).toBe(available - fits);
        state = decide(release('fresh'), state).reduce(evolve, state);
        expect(poolBalance(state as EstablishedFundingPool).available.amountMinor).toBe(available);
      }),
      { numRuns: 300 },
    );
  });

  it('a commitment beyond the available balance is refused and changes nothing', () => {
    fc.assert(
      fc.property(amountArb, fc.array(commandArb, { maxLength: 20 }), fc.integer({ min: 1, max: 1_000_000 }), (amount, history, excess) => {
        const pool = run(amount, history).at(-1)!;
        const available = poolBalance(pool).available.amountMinor;
        expect(() => decide(commit('too-much', dkk(available + excess)), pool)).toThrow(DomainError);
      }),
      { numRuns: 200 },
    );
  });
});
