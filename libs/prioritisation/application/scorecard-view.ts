import type { RecordedEvent } from '../../event-store/index.js';
import {
  effectiveScores,
  scorecardDecider,
  weightedScore,
  type AssessorKind,
  type RecordedScoreSet,
  type ScorecardEvent,
  type ScorecardState,
  type ScoringModelVersion,
  type WeightedScore,
} from '../domain/index.js';

/** An assessment as the API shows it: the score set, and when and by whom it was recorded. */
export interface ScoreSetView extends RecordedScoreSet {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The assessment that counts for a model's version in force, and what it weighs to. */
export interface EffectiveScoresView {
  readonly modelId: string;
  /** The model version in force: assessments made with earlier versions do not count. */
  readonly modelVersion: number;
  readonly modelStatus: 'active' | 'retired';
  /** Null: not scored for this version. */
  readonly scoreSet: ScoreSetView | null;
  readonly weightedScore: WeightedScore | null;
}

/** A proposal's scorecard in one forum. */
export interface ScorecardView {
  readonly proposalId: string;
  readonly forumId: string;
  /** The scorecard stream's version (the ETag); 0 before the first assessment. */
  readonly version: number;
  /** The latest assessment of each kind of assessor, whatever model version it used. */
  readonly latestByAssessor: Readonly<Partial<Record<AssessorKind, ScoreSetView>>>;
  /** Every assessment, oldest first. */
  readonly history: readonly ScoreSetView[];
  /** Per model the scorecard used (or the one asked for): the effective scores for its version in force. */
  readonly effective: readonly EffectiveScoresView[];
}

export function foldScorecard(events: readonly RecordedEvent[]): ScorecardState {
  let state = scorecardDecider.initialState();
  for (const e of events) state = scorecardDecider.evolve(state, { type: e.type, data: e.data } as ScorecardEvent);
  return state;
}

/** The model ids the scorecard's assessments used, in order of first use. */
export function modelsUsed(state: ScorecardState): string[] {
  return state.status === 'none' ? [] : [...new Set(state.history.map((s) => s.modelId))];
}

/** `currentModels`: the version in force of every model to show effective scores for. */
export function scorecardView(
  proposalId: string,
  forumId: string,
  events: readonly RecordedEvent[],
  currentModels: readonly { readonly model: ScoringModelVersion; readonly status: 'active' | 'retired' }[],
): ScorecardView {
  const state = foldScorecard(events);
  // the n-th assessment is the n-th event: sequence = stream position
  const history: ScoreSetView[] =
    state.status === 'none'
      ? []
      : state.history.map((s, i) => ({ ...s, recordedAt: events[i].recordedAt.toISOString(), recordedBy: events[i].metadata.actor.subject }));
  const bySequence = (s: RecordedScoreSet | undefined) => (s ? history[s.sequence - 1] : undefined);
  const latestByAssessor: Partial<Record<AssessorKind, ScoreSetView>> = {};
  if (state.status === 'open') {
    for (const [kind, set] of Object.entries(state.latestByAssessor) as [AssessorKind, RecordedScoreSet][]) latestByAssessor[kind] = bySequence(set);
  }
  const effective = currentModels.map(({ model, status }): EffectiveScoresView => {
    const set = effectiveScores(state, { modelId: model.modelId, version: model.version });
    return {
      modelId: model.modelId,
      modelVersion: model.version,
      modelStatus: status,
      scoreSet: set ? bySequence(set)! : null,
      weightedScore: set ? weightedScore(model, set.scores) : null,
    };
  });
  return { proposalId, forumId, version: events.length ? events[events.length - 1].streamPosition : 0, latestByAssessor, history, effective };
}
