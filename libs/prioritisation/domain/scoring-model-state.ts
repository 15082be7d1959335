import {
  OutdatedScoringModelVersion,
  ScoringModelIsRetired,
  ScoringModelNotFound,
  ScoringModelVersionNotFound,
} from './errors.js';
import type { ScoringModelVersion } from './scoring-model.js';

export interface NoScoringModel {
  readonly status: 'none';
}

export interface ExistingScoringModel {
  readonly status: 'active' | 'retired';
  readonly modelId: string;
  readonly forumId: string;
  /** Every version ever recorded, version n at index n - 1; the last is the one in force. */
  readonly versions: readonly ScoringModelVersion[];
  readonly retirementReason: string | null;
}

export type ScoringModelState = NoScoringModel | ExistingScoringModel;

export function initialScoringModelState(): ScoringModelState {
  return { status: 'none' };
}

/** Version `n` as recorded, or null if the model has no such version. Retired models keep answering. */
export function modelVersion(state: ScoringModelState, version: number): ScoringModelVersion | null {
  if (state.status === 'none') return null;
  return state.versions[version - 1] ?? null;
}

export function currentModelVersion(state: ScoringModelState): ScoringModelVersion | null {
  return state.status === 'none' ? null : state.versions[state.versions.length - 1];
}

/**
 * The version a new assessment may be recorded against: it must exist, the model must not be retired, and it must
 * be the version in force (a score set against a superseded version would feed no future ranking).
 */
export function modelVersionForScoring(state: ScoringModelState, modelId: string, version: number): ScoringModelVersion {
  if (state.status === 'none') throw new ScoringModelNotFound(modelId);
  if (state.status === 'retired') throw new ScoringModelIsRetired(state.modelId);
  const requested = modelVersion(state, version);
  if (requested === null) throw new ScoringModelVersionNotFound(state.modelId, version);
  const current = state.versions.length;
  if (version !== current) throw new OutdatedScoringModelVersion(state.modelId, version, current);
  return requested;
}
