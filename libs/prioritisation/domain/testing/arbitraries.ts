/** fast-check arbitraries for the prioritisation domain's property specs. Test-only (excluded from the build). */
import fc from 'fast-check';
import type { RankingEntry } from '../ranking-entry.js';
import type { ScoreMap } from '../score-set.js';
import type { Criterion, ScoringModelVersion } from '../scoring-model.js';

const criterionArb: fc.Arbitrary<Omit<Criterion, 'id'>> = fc
  .record({
    weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1000 })),
    min: fc.integer({ min: -3, max: 3 }),
    span: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ weight, min, span }) => ({ label: 'Kriterium', description: '', weight, scale: { min, max: min + span } }));

/** Valid models of 1 to 5 criteria on small scales (so ties are common), with or without a mandatory criterion. */
export const scoringModelArb: fc.Arbitrary<ScoringModelVersion> = fc
  .array(criterionArb, { minLength: 1, maxLength: 5 })
  .chain((criteria) => {
    const withIds = criteria.map((c, i) => ({ ...c, id: `c${i}` }));
    const mandatory = fc.option(
      fc.constantFrom(...withIds).chain((c) =>
        fc.integer({ min: c.scale.min, max: c.scale.max }).map((minimumScore) => ({ criterionId: c.id, minimumScore })),
      ),
      { nil: null },
    );
    return fc.record({
      modelId: fc.constant('model-1'),
      forumId: fc.constant('forum-1'),
      version: fc.integer({ min: 1, max: 5 }),
      name: fc.constant('Model'),
      criteria: fc.constant(withIds),
      mandatoryCriterion: mandatory,
    });
  });

export function completeScoresArb(model: ScoringModelVersion): fc.Arbitrary<ScoreMap> {
  return fc.tuple(...model.criteria.map((c) => fc.integer({ min: c.scale.min, max: c.scale.max }))).map((scores) =>
    Object.fromEntries(model.criteria.map((c, i) => [c.id, scores[i]])),
  );
}

/** Mostly complete score sets; some missing, some partial. */
function scoresArb(model: ScoringModelVersion): fc.Arbitrary<ScoreMap | null> {
  const partial = completeScoresArb(model).chain((scores) =>
    fc.subarray(Object.keys(scores), { maxLength: model.criteria.length - 1 }).map((kept) =>
      Object.fromEntries(kept.map((id) => [id, scores[id]])),
    ),
  );
  return fc.oneof(
    { weight: 8, arbitrary: completeScoresArb(model) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: partial },
  );
}

/** A few instants, some written with an offset, so submission ties happen. */
const SUBMITTED_AT = ['2026-01-05T08:00:00Z', '2026-01-05T09:00:00+01:00', '2026-01-05T08:00:00.5Z', '2026-02-01T12:00:00Z'];

export function rankingEntriesArb(model: ScoringModelVersion): fc.Arbitrary<RankingEntry[]> {
  return fc
    .uniqueArray(fc.stringMatching(/^[a-zA-Z0-9-]{1,6}$/), { maxLength: 12 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((proposalId) =>
          fc.record({
            proposalId: fc.constant(proposalId),
            title: fc.string({ maxLength: 10 }),
            submittedAt: fc.constantFrom(...SUBMITTED_AT),
            requestedAmount: fc.option(
              fc.record({ amountMinor: fc.nat(10_000_000), currency: fc.constantFrom('DKK' as const, 'EUR' as const) }),
              { nil: null },
            ),
            scores: scoresArb(model),
          }),
        ),
      ),
    );
}

/** A model with entries for it. */
export const rankingInputArb = scoringModelArb.chain((model) => rankingEntriesArb(model).map((entries) => ({ model, entries })));
