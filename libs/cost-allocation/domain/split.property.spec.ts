import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { TermsInput } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { splitCost } from './split.js';
import { initialCostAllocationKeyState, type CostAllocationKeyState, type DefinedCostAllocationKey } from './state.js';
import { addTerms, define, dkk } from './testing-fixtures.js';

const dayArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const partyIdsArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 1, maxLength: 7 });
const inhabitantsTermsArb: fc.Arbitrary<TermsInput> = fc
  .tuple(dayArb, partyIdsArb.chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: ids.length, maxLength: ids.length }))))
  .filter(([, [, weights]]) => weights.some((w) => w > 0))
  .map(([effectiveFrom, [ids, weights]]) => ({ effectiveFrom, parties: ids.map((partyId, i) => ({ partyId, quantity: weights[i] })) }));
const amountArb = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

/** A key with several dated sets of terms (a refused duplicate date changes nothing). */
function keyWith(terms: readonly TermsInput[]): DefinedCostAllocationKey {
  let state: CostAllocationKeyState = decide(define('inhabitants', terms[0]), initialCostAllocationKeyState()).reduce(evolve, initialCostAllocationKeyState());
  for (const t of terms.slice(1)) {
    try {
      state = decide(addTerms(t), state).reduce(evolve, state);
    } catch {
      // same effective date twice: refused, and the key is unchanged
    }
  }
  return state as DefinedCostAllocationKey;
}

describe('cost splits: properties', () => {
  it('the shares add up to the amount: a split never loses or invents an øre', () => {
    fc.assert(
      fc.property(fc.array(inhabitantsTermsArb, { minLength: 1, maxLength: 5 }), amountArb, dayArb, (terms, amount, on) => {
        const key = keyWith(terms);
        if (on < key.terms[0].effectiveFrom) return;
        const split = splitCost(key, dkk(amount), on);
        expect(split.shares.reduce((sum, s) => sum + s.share.amountMinor, 0)).toBe(amount);
        for (const s of split.shares) expect(Number.isSafeInteger(s.share.amountMinor) && s.share.amountMinor >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('each share is its exact share rounded down or up by one øre; only rounded-up parties got the extra øre', () => {
    fc.assert(
      fc.property(inhabitantsTermsArb, amountArb, (terms, amount) => {
        const split = splitCost(keyWith([terms]), dkk(amount), terms.effectiveFrom);
        for (const s of split.shares) {
          const floor = (BigInt(amount) * BigInt(s.weight)) / BigInt(split.totalWeight);
          expect(BigInt(s.share.amountMinor) - floor).toBe(s.roundedUp ? 1n : 0n);
        }
        expect(split.shares.filter((s) => s.roundedUp).length).toBeLessThan(split.shares.length);
      }),
      { numRuns: 500 },
    );
  });

  it('uses the terms with the latest effective date on or before the day', () => {
    fc.assert(
      fc.property(fc.array(inhabitantsTermsArb, { minLength: 1, maxLength: 5 }), dayArb, (terms, on) => {
        const key = keyWith(terms);
        if (on < key.terms[0].effectiveFrom) {
          expect(() => splitCost(key, dkk(1), on)).toThrow();
          return;
        }
        const used = splitCost(key, dkk(1), on).terms.effectiveFrom;
        expect(used <= on).toBe(true);
        expect(key.terms.some((t) => t.effectiveFrom > used && t.effectiveFrom <= on)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order the parties were entered in', () => {
    fc.assert(
      fc.property(inhabitantsTermsArb, amountArb, (terms, amount) => {
        const reversed = { ...terms, parties: [...terms.parties].reverse() };
        expect(splitCost(keyWith([reversed]), dkk(amount), terms.effectiveFrom).shares).toEqual(splitCost(keyWith([terms]), dkk(amount), terms.effectiveFrom).shares);
      }),
      { numRuns: 200 },
    );
  });
});
