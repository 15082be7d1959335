import type { AssessorKind, ScoreSet } from './score-set.js';

/** A score set as kept on the scorecard; `sequence` is its 1-based place in the scorecard's history. */
export interface RecordedScoreSet extends ScoreSet {
  readonly sequence: number;
}

export interface NoScorecard {
  readonly status: 'none';
}

export interface OpenScorecard {
  readonly status: 'open';
  readonly proposalId: string;
  readonly forumId: string;
  /** The latest assessment of each kind of assessor, whatever model version it used. */
  readonly latestByAssessor: Readonly<Partial<Record<AssessorKind, RecordedScoreSet>>>;
  /** Every assessment ever recorded, oldest first: none is overwritten. */
  readonly history: readonly RecordedScoreSet[];
}

export type ScorecardState = NoScorecard | OpenScorecard;

export function initialScorecardState(): ScorecardState {
  return { status: 'none' };
}
