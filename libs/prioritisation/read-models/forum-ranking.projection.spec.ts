import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ASSESSOR_KINDS,
  effectiveScores,
  evolveScorecard,
  initialScorecardState,
  ScorecardEventType,
  type AssessorKind,
  type ScoreSetRecorded,
} from '../domain/index.js';
import { replacesEffective } from './forum-ranking.projection.js';

const assessmentArb = fc.record({
  kind: fc.constantFrom<AssessorKind>(...ASSESSOR_KINDS),
  modelVersion: fc.integer({ min: 1, max: 3 }),
  score: fc.integer({ min: 1, max: 5 }),
});

describe('forum_rankings: the effective score set kept by the projection', () => {
  it('folding assessments in log order with replacesEffective gives the domain\'s effectiveScores for every version', () => {
    fc.assert(
      fc.property(fc.array(assessmentArb, { maxLength: 30 }), (assessments) => {
        const events: ScoreSetRecorded[] = assessments.map(({ kind, modelVersion, score }) => ({
          type: ScorecardEventType.ScoreSetRecorded,
          data: {
            proposalId: 'p',
            forumId: 'f',
            modelId: 'm',
            modelVersion,
            assessor: { kind, subject: kind },
            scores: { value: score },
            rationale: null,
          },
        }));
        const state = events.reduce(evolveScorecard, initialScorecardState());
        const kept = new Map<number, { assessorKind: AssessorKind; sequence: number }>();
        events.forEach((event, i) => {
          const candidate = { assessorKind: event.data.assessor.kind, sequence: i + 1 };
          if (replacesEffective(kept.get(event.data.modelVersion), candidate)) kept.set(event.data.modelVersion, candidate);
        });
        for (const version of [1, 2, 3]) {
          expect(kept.get(version)?.sequence ?? null).toBe(effectiveScores(state, { modelId: 'm', version })?.sequence ?? null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
