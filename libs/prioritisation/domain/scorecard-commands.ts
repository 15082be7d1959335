import type { Assessor, ScoreMap } from './score-set.js';
import type { ScoringModelVersion } from './scoring-model.js';

export const ScorecardCommandType = {
  RecordScoreSet: 'RecordScoreSet',
} as const;

/**
 * Records one assessment on the scorecard of a proposal in a forum (one stream per proposal + forum).
 * The decider is pure, so the application layer loads the model version (see `modelVersionForScoring`) and
 * passes it in; the event records only its id and version.
 */
export interface RecordScoreSet {
  readonly type: typeof ScorecardCommandType.RecordScoreSet;
  readonly data: {
    readonly proposalId: string;
    readonly forumId: string;
    readonly model: ScoringModelVersion;
    readonly assessor: Assessor;
    readonly scores: ScoreMap;
    readonly rationale?: string | null;
  };
}

export type ScorecardCommand = RecordScoreSet;
