import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareCodeUnits } from './canonical-json.js';
import { parseInstant } from './instant.js';
import { rankProposals } from './ranking.js';
import type { RankingEntry } from './ranking-entry.js';
import type { ScoreMap } from './score-set.js';
import type { ScoringModelVersion } from './scoring-model.js';
import { rankingInputArb } from './testing/arbitraries.js';

const isComplete = (model: ScoringModelVersion, scores: ScoreMap | null): scores is ScoreMap =>
  scores !== null && model.criteria.every((c) => typeof scores[c.id] === 'number');

/** The stated order, written independently of ranking-order.ts: a key compared field by field. */
function referenceOrder(model: ScoringModelVersion, entries: readonly RankingEntry[]): string[] {
  const keyed = entries
    .filter((e) => isComplete(model, e.scores))
    .map((e) => {
      const scores = e.scores!;
      const rule = model.mandatoryCriterion;
      const mandatory = rule !== null && scores[rule.criterionId] >= rule.minimumScore;
      const sum = model.criteria.reduce((total, c) => total + BigInt(c.weight * scores[c.id]), 0n);
      return { e, mandatory, sum, instant: parseInstant(e.submittedAt)! };
    });
  // All rows share one model, so the denominators are equal and the numerators alone order the weighted scores.
  keyed.sort(
    (a, b) =>
      Number(b.mandatory) - Number(a.mandatory) ||
      (a.sum === b.sum ? 0 : a.sum > b.sum ? -1 : 1) ||
      model.criteria.reduce((found, c) => found || b.e.scores![c.id] - a.e.scores![c.id], 0) ||
      (a.instant === b.instant ? 0 : a.instant < b.instant ? -1 : 1) ||
      compareCodeUnits(a.e.proposalId, b.e.proposalId),
  );
  return keyed.map((k) => k.e.proposalId);
}

describe('rankProposals: properties', () => {
  it('is deterministic and independent of input order, hash included', () => {
    fc.assert(
      fc.property(
        rankingInputArb.chain(({ model, entries }) =>
          fc.shuffledSubarray(entries, { minLength: entries.length }).map((shuffled) => ({ model, entries, shuffled })),
        ),
        ({ model, entries, shuffled }) => {
          const ranking = rankProposals(model, entries);
          expect(rankProposals(model, shuffled)).toEqual(ranking);
          expect(rankProposals(model, entries)).toEqual(ranking);
        },
      ),
    );
  });

  it('ranks the complete score sets 1..n without gaps, and lists every other proposal as unscored', () => {
    fc.assert(
      fc.property(rankingInputArb, ({ model, entries }) => {
        const { rows, unscored } = rankProposals(model, entries);
        expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
        const complete = entries.filter((e) => isComplete(model, e.scores)).map((e) => e.proposalId);
        const incomplete = entries.filter((e) => !isComplete(model, e.scores)).map((e) => e.proposalId);
        expect([...rows.map((row) => row.proposalId)].sort()).toEqual([...complete].sort());
        expect([...unscored].sort()).toEqual([...incomplete].sort());
      }),
    );
  });

  it('follows the stated order: mandatory, weighted score, criteria in model order, submission, id', () => {
    fc.assert(
      fc.property(rankingInputArb, ({ model, entries }) => {
        expect(rankProposals(model, entries).rows.map((row) => row.proposalId)).toEqual(referenceOrder(model, entries));
      }),
    );
  });

  it('ranks every mandatory proposal above every proposal that is not', () => {
    fc.assert(
      fc.property(rankingInputArb, ({ model, entries }) => {
        const flags = rankProposals(model, entries).rows.map((row) => row.mandatory);
        const firstOptional = flags.indexOf(false);
        if (firstOptional >= 0) expect(flags.slice(firstOptional)).not.toContain(true);
      }),
    );
  });

  /**
   * With positive weights (which every valid model has), raising one criterion score of one proposal, within its
   * scale, strictly raises its weighted score, may make it mandatory but never un-mandatory, and so never gives it a
   * larger rank number; the other proposals keep their order among themselves. (With a zero or negative weight the
   * weighted score could stay or fall, and the claim would fail.)
   */
  it('raising one criterion score of a proposal never lowers its rank', () => {
    const raised = rankingInputArb
      .filter(({ model, entries }) => entries.some((e) => isComplete(model, e.scores)))
      .chain(({ model, entries }) => {
        const scored = entries.filter((e) => isComplete(model, e.scores));
        return fc.record({
          model: fc.constant(model),
          entries: fc.constant(entries),
          target: fc.constantFrom(...scored),
          criterion: fc.constantFrom(...model.criteria),
          step: fc.integer({ min: 1, max: 4 }),
        });
      });
    fc.assert(
      fc.property(raised, ({ model, entries, target, criterion, step }) => {
        const current = target.scores![criterion.id];
        fc.pre(current < criterion.scale.max);
        const higher = Math.min(criterion.scale.max, current + step);
        const after = entries.map((e) => (e === target ? { ...e, scores: { ...e.scores, [criterion.id]: higher } } : e));
        const rowOf = (ranking: ReturnType<typeof rankProposals>) => ranking.rows.find((r) => r.proposalId === target.proposalId)!;
        const before = rankProposals(model, entries);
        const later = rankProposals(model, after);
        const [was, is] = [rowOf(before), rowOf(later)];
        expect(is.rank).toBeLessThanOrEqual(was.rank);
        expect(BigInt(is.weightedScore.numerator) * BigInt(was.weightedScore.denominator)).toBeGreaterThan(
          BigInt(was.weightedScore.numerator) * BigInt(is.weightedScore.denominator),
        );
        if (was.mandatory) expect(is.mandatory).toBe(true);
        const others = (ranking: ReturnType<typeof rankProposals>) =>
          ranking.rows.map((r) => r.proposalId).filter((id) => id !== target.proposalId);
        expect(others(later)).toEqual(others(before));
      }),
    );
  });

  it('agrees with a floating-point reference, as a sanity check only', () => {
    fc.assert(
      fc.property(rankingInputArb, ({ model, entries }) => {
        for (const row of rankProposals(model, entries).rows) {
          const scores = entries.find((e) => e.proposalId === row.proposalId)!.scores!;
          const weights = model.criteria.reduce((total, c) => total + c.weight, 0);
          const mean = model.criteria.reduce((total, c) => total + c.weight * scores[c.id], 0) / weights;
          const lowest = model.criteria.reduce((total, c) => total + c.weight * c.scale.min, 0) / weights;
          const highest = model.criteria.reduce((total, c) => total + c.weight * c.scale.max, 0) / weights;
          expect(Math.abs(row.weightedScore.numerator / row.weightedScore.denominator - mean)).toBeLessThan(1e-9);
          const percent = (100 * (mean - lowest)) / (highest - lowest);
          expect(Math.abs(Number(row.weightedScore.normalised) - percent)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(row.weightedScore.normalised).toMatch(/^\d{1,3}\.\d{2}$/);
        }
      }),
    );
  });
});
