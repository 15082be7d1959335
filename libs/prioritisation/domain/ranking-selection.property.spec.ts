import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rankProposals } from './ranking.js';
import { isWithinScope, rankWithinMandate, RANKING_SELECTION_RULES, type MandateScope, type ScopedRankingEntry } from './ranking-selection.js';
import { rankingInputArb } from './testing/arbitraries.js';

const AREAS = ['service_to_citizens_and_businesses', 'digital_workplace', 'modernisation_of_systems_and_architecture'];
const DEPARTMENTS = ['it', 'social', 'culture'];

/** A model, entries spread over areas (some stating none) and departments, a mandate's scope, and the entries shuffled. */
const scopedInputArb = rankingInputArb.chain(({ model, entries }) =>
  fc
    .tuple(
      fc.tuple(...entries.map(() => fc.record({ investmentArea: fc.option(fc.constantFrom(...AREAS), { nil: null }), departmentId: fc.constantFrom(...DEPARTMENTS) }))),
      fc.record({ investmentAreas: fc.subarray(AREAS), departmentIds: fc.subarray(DEPARTMENTS) }),
    )
    .chain(([places, scope]) => {
      const scoped: ScopedRankingEntry[] = entries.map((entry, i) => ({ ...entry, ...places[i] }));
      return fc
        .tuple(fc.shuffledSubarray(scoped, { minLength: scoped.length }), fc.shuffledSubarray(scope.investmentAreas, { minLength: scope.investmentAreas.length }))
        .map(([shuffled, areasShuffled]) => ({ model, scoped, scope: scope as MandateScope, shuffled, areasShuffled }));
    }),
);

describe('rankWithinMandate: properties', () => {
  it('is independent of the order of the proposals and of the mandate\'s lists, hash and selection included', () => {
    fc.assert(
      fc.property(scopedInputArb, ({ model, scoped, scope, shuffled, areasShuffled }) => {
        const first = rankWithinMandate(model, scoped, scope);
        expect(rankWithinMandate(model, shuffled, { ...scope, investmentAreas: areasShuffled })).toEqual(first);
        expect(rankWithinMandate(model, [...scoped].reverse(), { investmentAreas: [...scope.investmentAreas].reverse(), departmentIds: [...scope.departmentIds].reverse() })).toEqual(first);
      }),
    );
  });

  it('ranks exactly the proposals within the mandate, as ranking them alone would', () => {
    fc.assert(
      fc.property(scopedInputArb, ({ model, scoped, scope }) => {
        const { selection, ranking } = rankWithinMandate(model, scoped, scope);
        const within = scoped.filter((entry) => isWithinScope(entry, scope));
        const alone = rankProposals(model, within, selection);
        expect(ranking).toEqual(alone);
        const listed = new Set([...ranking.rows.map((row) => row.proposalId), ...ranking.unscored]);
        expect([...listed].sort()).toEqual(within.map((entry) => entry.proposalId).sort());
        for (const entry of scoped.filter((candidate) => !isWithinScope(candidate, scope))) {
          const areaOut = scope.investmentAreas.length > 0 && (entry.investmentArea === null || !scope.investmentAreas.includes(entry.investmentArea));
          const departmentOut = scope.departmentIds.length > 0 && !scope.departmentIds.includes(entry.departmentId);
          expect(areaOut || departmentOut).toBe(true);
        }
      }),
    );
  });

  it('states the rule it selected by; only a narrowed selection changes the hash of the same proposals', () => {
    fc.assert(
      fc.property(scopedInputArb, ({ model, scoped, scope }) => {
        const { selection, ranking } = rankWithinMandate(model, scoped, scope);
        const narrowed = scope.investmentAreas.length > 0 || scope.departmentIds.length > 0;
        expect(selection.rule).toBe(narrowed ? RANKING_SELECTION_RULES.mandate : RANKING_SELECTION_RULES.organisation);
        const within = scoped.filter((entry) => isWithinScope(entry, scope));
        expect(ranking.basis.inputsHash === rankProposals(model, within).basis.inputsHash).toBe(!narrowed);
      }),
    );
  });
});
