import type { AssessorKind } from './score-set.js';
import type { ScoringModelRef } from './scoring-model.js';
import type { RecordedScoreSet, ScorecardState } from './scorecard-state.js';

/**
 * Which assessment counts for ranking: the forum's own, else the programme office's, else the department's
 * self-assessment. The forum decides the priority, so its reading prevails; the programme office assesses on the
 * forum's behalf across departments; the department's score is Herning's default (seed 002 p. 8).
 */
export const ASSESSMENT_PRECEDENCE: readonly AssessorKind[] = ['forum', 'programme_office', 'department'];

/**
 * The score set that counts when ranking with `model`: for each assessor kind, its latest assessment made with
 * exactly that model id and version; of those, the first in ASSESSMENT_PRECEDENCE. Assessments made with another
 * version do not count (their criteria, scales or weights may differ). Null: not scored for this version.
 */
export function effectiveScores(scorecard: ScorecardState, model: ScoringModelRef): RecordedScoreSet | null {
  if (scorecard.status === 'none') return null;
  const latest = new Map<AssessorKind, RecordedScoreSet>();
  for (const scoreSet of scorecard.history) {
    const sameVersion = scoreSet.modelId === model.modelId && scoreSet.modelVersion === model.version;
    if (sameVersion) latest.set(scoreSet.assessor.kind, scoreSet);
  }
  for (const kind of ASSESSMENT_PRECEDENCE) {
    const scoreSet = latest.get(kind);
    if (scoreSet !== undefined) return scoreSet;
  }
  return null;
}
