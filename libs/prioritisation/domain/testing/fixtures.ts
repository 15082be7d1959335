/** Builders for the prioritisation domain's specs. Test-only (excluded from the build). */
import { HERNING_DEFAULT_MODEL } from '../herning-default-model.js';
import type { RankingEntry } from '../ranking-entry.js';
import type { Assessor, ScoreMap } from '../score-set.js';
import { ScorecardCommandType, type RecordScoreSet } from '../scorecard-commands.js';
import { ScorecardEventType, type ScoreSetRecorded } from '../scorecard-events.js';
import type { ScoringModelContent, ScoringModelVersion } from '../scoring-model.js';
import { ScoringModelEventType, type ScoringModelDefined, type ScoringModelRevised } from '../scoring-model-events.js';

export const FORUM_ID = 'herning-steering-group';
export const MODEL_ID = 'herning-importance';
export const PROPOSAL_ID = 'proposal-1';

export function herningVersion(version = 1, content: ScoringModelContent = HERNING_DEFAULT_MODEL): ScoringModelVersion {
  return { modelId: MODEL_ID, forumId: FORUM_ID, version, ...content };
}

export function modelDefined(content: ScoringModelContent = HERNING_DEFAULT_MODEL): ScoringModelDefined {
  return { type: ScoringModelEventType.Defined, data: herningVersion(1, content) };
}

export function modelRevised(version: number, content: ScoringModelContent): ScoringModelRevised {
  return { type: ScoringModelEventType.Revised, data: herningVersion(version, content) };
}

/** Herning scores in model order: legal requirement, faces citizens, gain for the business, economic gain. */
export function herningScores(legal: number, citizens: number, business: number, economic: number): ScoreMap {
  return {
    legal_requirement: legal,
    faces_citizens_or_businesses: citizens,
    gain_for_the_business: business,
    expected_economic_gain: economic,
  };
}

export const DEPARTMENT: Assessor = { kind: 'department', subject: 'citizen-service' };
export const FORUM: Assessor = { kind: 'forum', subject: FORUM_ID };
export const PROGRAMME_OFFICE: Assessor = { kind: 'programme_office', subject: 'koncern-it' };

export function recordScoreSet(
  scores: ScoreMap,
  options: { assessor?: Assessor; model?: ScoringModelVersion; rationale?: string | null } = {},
): RecordScoreSet {
  return {
    type: ScorecardCommandType.RecordScoreSet,
    data: {
      proposalId: PROPOSAL_ID,
      forumId: FORUM_ID,
      model: options.model ?? herningVersion(),
      assessor: options.assessor ?? DEPARTMENT,
      scores,
      rationale: options.rationale,
    },
  };
}

export function scoreSetRecorded(
  scores: ScoreMap,
  options: { assessor?: Assessor; modelVersion?: number; rationale?: string | null } = {},
): ScoreSetRecorded {
  return {
    type: ScorecardEventType.ScoreSetRecorded,
    data: {
      proposalId: PROPOSAL_ID,
      forumId: FORUM_ID,
      modelId: MODEL_ID,
      modelVersion: options.modelVersion ?? 1,
      assessor: options.assessor ?? DEPARTMENT,
      scores,
      rationale: options.rationale ?? null,
    },
  };
}

export function entry(proposalId: string, scores: ScoreMap | null, overrides: Partial<RankingEntry> = {}): RankingEntry {
  return {
    proposalId,
    title: `Proposal ${proposalId}`,
    submittedAt: '2026-01-15T09:00:00Z',
    requestedAmount: { amountMinor: 50_000_000, currency: 'DKK' },
    scores,
    ...overrides,
  };
}
