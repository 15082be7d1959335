import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import type { TermsInput } from './commands.js';
import { costAllocationKeyDecider } from './decider.js';
import {
  CostAllocationKeyAlreadyExists,
  CostAllocationKeyNotFound,
  InconsistentCostAllocationHistory,
  InvalidCostAllocationKey,
  NoTermsInForce,
  TermsAlreadyEffective,
} from './errors.js';
import { evolve } from './evolve.js';
import { splitCost } from './split.js';
import { initialCostAllocationKeyState, type DefinedCostAllocationKey } from './state.js';
import { addTerms, define, defined, dkk, FOUR_K_INHABITANTS, KEY_ID, termsAdded } from './testing-fixtures.js';

const given = deciderSpec(costAllocationKeyDecider);
const key = (state: unknown) => state as DefinedCostAllocationKey;

const POPULATION_2028: TermsInput = {
  effectiveFrom: '2028-01-01',
  source: 'Danmarks Statistik FOLK1A, 1 January 2028',
  parties: FOUR_K_INHABITANTS.parties.map((p) => ({ ...p, quantity: p.partyId === 'gladsaxe' ? 72_000 : p.quantity })),
};

describe('DefineCostAllocationKey', () => {
  it('defines a key per inhabitant with its first population figures', () => {
    given([]).when(define()).then([defined()]);
  });

  it('keeps FTE and percentages as whole hundredths', () => {
    const fte: TermsInput = { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 12.5 }, { partyId: 'b', quantity: 0.35 }] };
    const [event] = costAllocationKeyDecider.decide(define('fte', fte), initialCostAllocationKeyState());
    expect(event.data.terms.parties.map((p) => p.weight)).toEqual([1250, 35]);
  });

  it('splits central and decentral funding by agreed percentages', () => {
    const terms: TermsInput = { effectiveFrom: '2027-01-01', parties: [{ partyId: 'central', quantity: 62.5 }, { partyId: 'department', quantity: 37.5 }] };
    const state = given([]).when(define('percentage', terms)).then([defined('percentage', terms, 100)]);
    expect(splitCost(key(state), dkk(100_000_000), '2027-06-01').shares.map((s) => [s.partyId, s.share.amountMinor, s.quantity])).toEqual([
      ['central', 62_500_000, 62.5],
      ['department', 37_500_000, 37.5],
    ]);
  });

  it('is defined once', () => {
    given([defined()]).when(define()).then(new CostAllocationKeyAlreadyExists(KEY_ID));
  });

  const equalParties = { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a' }, { partyId: 'b' }] };
  it.each<[string, ReturnType<typeof define>, InvalidCostAllocationKey]>([
    ['an unknown basis', define('size' as never), new InvalidCostAllocationKey('basis', 'must be one of equal, inhabitants, fte, usage, percentage')],
    ['a blank name', define('equal', equalParties, ' '), new InvalidCostAllocationKey('name', 'must not be empty')],
    ['a day that does not exist', define('equal', { ...equalParties, effectiveFrom: '2027-02-30' }), new InvalidCostAllocationKey('terms.effectiveFrom', 'must be a calendar date YYYY-MM-DD')],
    ['no parties', define('equal', { effectiveFrom: '2027-01-01', parties: [] }), new InvalidCostAllocationKey('terms.parties', 'must name 1 to 200 parties')],
    ['a party twice', define('equal', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a' }, { partyId: 'a' }] }), new InvalidCostAllocationKey('terms.parties[1].partyId', 'names a twice')],
    [
      'a quantity on an equal split',
      define('equal', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 3 }] }),
      new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be absent: an equal split takes no quantities'),
    ],
    [
      'a fraction of an inhabitant',
      define('inhabitants', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 10.5 }] }),
      new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be a whole number of inhabitants, at least 0'),
    ],
    [
      'FTE with three decimals',
      define('fte', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 1.234 }] }),
      new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be a number of FTE with at most two decimals, at least 0'),
    ],
    [
      'a negative usage',
      define('usage', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: -1 }] }),
      new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be a whole number of usage units, at least 0'),
    ],
    [
      'no quantity on a usage key',
      define('usage', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a' }] }),
      new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be a whole number of usage units, at least 0'),
    ],
    [
      'percentages that do not add up to 100',
      define('percentage', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 60 }, { partyId: 'b', quantity: 39.99 }] }),
      new InvalidCostAllocationKey('terms.parties', 'percentages must add up to 100, not 99.99'),
    ],
    [
      'nothing to split by',
      define('inhabitants', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 0 }] }),
      new InvalidCostAllocationKey('terms.parties', 'at least one party must have a quantity above 0'),
    ],
  ])('refuses %s', (_what, command, error) => {
    given([]).when(command).then(error);
  });
});

describe('AddCostAllocationTerms', () => {
  it('adds new population figures from a date on and keeps the old ones', () => {
    const state = given([defined()]).when(addTerms(POPULATION_2028)).then([termsAdded(POPULATION_2028)]);
    expect(key(state).terms.map((t) => t.effectiveFrom)).toEqual(['2027-01-01', '2028-01-01']);
  });

  it('may state figures for an earlier date, which take their place in the history', () => {
    const earlier = { ...POPULATION_2028, effectiveFrom: '2026-01-01' };
    const state = given([defined()]).when(addTerms(earlier)).then([termsAdded(earlier)]);
    expect(key(state).terms.map((t) => t.effectiveFrom)).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('refuses a second set of terms for the same date', () => {
    given([defined()]).when(addTerms({ ...POPULATION_2028, effectiveFrom: '2027-01-01' })).then(new TermsAlreadyEffective(KEY_ID, '2027-01-01'));
  });

  it("judges the figures by the key's basis", () => {
    given([defined()])
      .when(addTerms({ effectiveFrom: '2028-01-01', parties: [{ partyId: 'a', quantity: 1.5 }] }))
      .then(new InvalidCostAllocationKey('terms.parties[0].quantity', 'must be a whole number of inhabitants, at least 0'));
  });

  it('needs an existing key', () => {
    given([]).when(addTerms(POPULATION_2028)).then(new CostAllocationKeyNotFound(KEY_ID));
  });
});

describe('splitCost', () => {
  const history = () => [defined(), termsAdded(POPULATION_2028)].reduce(evolve, initialCostAllocationKeyState()) as DefinedCostAllocationKey;

  it('uses the terms in force on the day: the day before new figures, the old ones; from that day, the new', () => {
    expect(splitCost(history(), dkk(100), '2027-12-31').terms.effectiveFrom).toBe('2027-01-01');
    expect(splitCost(history(), dkk(100), '2028-01-01').terms.effectiveFrom).toBe('2028-01-01');
  });

  it('splits DKK 2,590,000 per inhabitant to the øre and says how', () => {
    // 259,000 inhabitants: DKK 10 each
    const split = splitCost(history(), dkk(259_000_000), '2027-06-30');
    expect(split).toMatchObject({ basis: 'inhabitants', method: 'largest_remainder', totalWeight: 259_000, terms: { source: 'Danmarks Statistik FOLK1A, 1 January 2027' } });
    expect(split.shares.map((s) => [s.partyId, s.share.amountMinor, s.roundedUp])).toEqual([
      ['gentofte', 75_000_000, false],
      ['gladsaxe', 70_000_000, false],
      ['lyngby-taarbaek', 57_000_000, false],
      ['rudersdal', 57_000_000, false],
    ]);
  });

  it('gives the øre that do not divide to the largest remainders, and says who got them', () => {
    const equal = [defined('equal', { effectiveFrom: '2027-01-01', parties: [{ partyId: 'c' }, { partyId: 'a' }, { partyId: 'b' }] })].reduce(
      evolve,
      initialCostAllocationKeyState(),
    ) as DefinedCostAllocationKey;
    expect(splitCost(equal, dkk(10_000), '2027-01-01').shares.map((s) => [s.partyId, s.share.amountMinor, s.roundedUp])).toEqual([
      ['a', 3_334, true],
      ['b', 3_333, false],
      ['c', 3_333, false],
    ]);
  });

  it('refuses a day before the key takes effect', () => {
    expect(() => splitCost(history(), dkk(100), '2026-12-31')).toThrow(new NoTermsInForce(KEY_ID, '2026-12-31', '2027-01-01'));
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => splitCost(history(), dkk(-1), '2027-06-30')).toThrow(InvalidCostAllocationKey);
    expect(() => splitCost(history(), dkk(0.5), '2027-06-30')).toThrow(InvalidCostAllocationKey);
  });
});

describe('evolve', () => {
  it('refuses terms for a key that was never defined', () => {
    expect(() => [termsAdded(POPULATION_2028)].reduce(evolve, initialCostAllocationKeyState())).toThrow(InconsistentCostAllocationHistory);
  });
});
