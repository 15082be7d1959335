import { describe, expect, it } from '@jest/globals';
import { effectiveScores } from './effective-scores.js';
import type { ScorecardEvent } from './scorecard-events.js';
import { evolveScorecard } from './scorecard-evolve.js';
import { initialScorecardState } from './scorecard-state.js';
import { FORUM, herningScores, MODEL_ID, PROGRAMME_OFFICE, scoreSetRecorded } from './testing/fixtures.js';

const replay = (...events: ScorecardEvent[]) => events.reduce(evolveScorecard, initialScorecardState());
const V1 = { modelId: MODEL_ID, version: 1 };
const department = scoreSetRecorded(herningScores(3, 3, 3, 3));
const office = scoreSetRecorded(herningScores(4, 4, 4, 4), { assessor: PROGRAMME_OFFICE });
const forum = scoreSetRecorded(herningScores(2, 2, 2, 2), { assessor: FORUM });

describe('effectiveScores', () => {
  it('is null without any assessment', () => {
    expect(effectiveScores(initialScorecardState(), V1)).toBeNull();
  });

  it("counts the department's self-assessment when nobody else assessed", () => {
    expect(effectiveScores(replay(department), V1)).toMatchObject({ assessor: { kind: 'department' }, sequence: 1 });
  });

  it('prefers the programme office over the department, and the forum over both, whatever the order', () => {
    expect(effectiveScores(replay(office, department), V1)?.assessor.kind).toBe('programme_office');
    expect(effectiveScores(replay(department, forum, office), V1)?.assessor.kind).toBe('forum');
  });

  it("takes each kind's latest assessment", () => {
    const revisedByDepartment = scoreSetRecorded(herningScores(5, 1, 1, 1));
    expect(effectiveScores(replay(department, revisedByDepartment), V1)).toMatchObject({ scores: herningScores(5, 1, 1, 1), sequence: 2 });
  });

  it('counts only assessments made with the model version asked for', () => {
    const forumOnV2 = scoreSetRecorded(herningScores(5, 5, 5, 5), { assessor: FORUM, modelVersion: 2 });
    const card = replay(department, forum, forumOnV2);
    expect(effectiveScores(card, V1)).toMatchObject({ assessor: { kind: 'forum' }, scores: herningScores(2, 2, 2, 2) });
    expect(effectiveScores(card, { modelId: MODEL_ID, version: 2 })).toMatchObject({ scores: herningScores(5, 5, 5, 5) });
    expect(effectiveScores(card, { modelId: MODEL_ID, version: 3 })).toBeNull();
    expect(effectiveScores(card, { modelId: 'other-model', version: 1 })).toBeNull();
  });
});
