import type { Criterion, MandatoryCriterion } from './scoring-model.js';

/** What a forum (or the programme office on its behalf) asks of its scoring model. */
export const ScoringModelCommandType = {
  Define: 'DefineScoringModel',
  Revise: 'ReviseScoringModel',
  Retire: 'RetireScoringModel',
} as const;

export interface DefineScoringModel {
  readonly type: typeof ScoringModelCommandType.Define;
  readonly data: {
    /** Chosen by the caller, so a retried request defines the same model. One stream per model. */
    readonly modelId: string;
    readonly forumId: string;
    readonly name: string;
    readonly criteria: readonly Criterion[];
    /** Absent or null: no score makes a proposal mandatory. */
    readonly mandatoryCriterion?: MandatoryCriterion | null;
  };
}

/** Replaces the whole content; the forum stays. Content equal to the current version records nothing. */
export interface ReviseScoringModel {
  readonly type: typeof ScoringModelCommandType.Revise;
  readonly data: {
    readonly modelId: string;
    readonly name: string;
    readonly criteria: readonly Criterion[];
    readonly mandatoryCriterion?: MandatoryCriterion | null;
  };
}

export interface RetireScoringModel {
  readonly type: typeof ScoringModelCommandType.Retire;
  readonly data: {
    readonly modelId: string;
    /** Required: the forum and auditors must see why the model stopped being used. */
    readonly reason: string;
  };
}

export type ScoringModelCommand = DefineScoringModel | ReviseScoringModel | RetireScoringModel;
