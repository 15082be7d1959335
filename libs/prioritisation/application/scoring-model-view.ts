import type { RecordedEvent } from '../../event-store/index.js';
import {
  scoringModelDecider,
  ScoringModelEventType,
  type ScoringModelEvent,
  type ScoringModelRetiredData,
  type ScoringModelState,
  type ScoringModelVersion,
} from '../domain/index.js';
import { streamOwner } from './prioritisation-streams.js';

/** One version as recorded, with when, by whom and why it was recorded. */
export interface ScoringModelVersionView extends ScoringModelVersion {
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly reason: string | null;
}

/** A scoring model as the API shows it: the version in force and every version before it. */
export interface ScoringModelView {
  readonly id: string;
  readonly organisationId: string;
  readonly forumId: string;
  readonly status: 'active' | 'retired';
  /** The model version in force: the one new assessments and the ranking use. */
  readonly currentVersion: number;
  readonly current: ScoringModelVersionView;
  /** Oldest first; version n at index n - 1. */
  readonly versions: readonly ScoringModelVersionView[];
  readonly retirementReason: string | null;
  /** The stream version (the ETag): it counts the definition, each revision and the retirement. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly retiredAt: string | null;
}

/** The model's state folded from its events. */
export function foldScoringModel(events: readonly RecordedEvent[]): ScoringModelState {
  let state = scoringModelDecider.initialState();
  for (const e of events) state = scoringModelDecider.evolve(state, { type: e.type, data: e.data } as ScoringModelEvent);
  return state;
}

/** Null when the stream holds no model. */
export function foldScoringModelView(events: readonly RecordedEvent[]): ScoringModelView | null {
  const state = foldScoringModel(events);
  if (state.status === 'none') return null;
  const versions: ScoringModelVersionView[] = [];
  let retiredAt: string | null = null;
  for (const e of events) {
    if (e.type === ScoringModelEventType.Defined || e.type === ScoringModelEventType.Revised) {
      versions.push({
        ...(e.data as ScoringModelVersion),
        recordedAt: e.recordedAt.toISOString(),
        recordedBy: e.metadata.actor.subject,
        reason: e.metadata.reason ?? null,
      });
    }
    if (e.type === ScoringModelEventType.Retired) retiredAt = e.recordedAt.toISOString();
  }
  const current = versions[versions.length - 1];
  const last = events[events.length - 1];
  return {
    id: state.modelId,
    organisationId: streamOwner(events) ?? '',
    forumId: state.forumId,
    status: state.status,
    currentVersion: current.version,
    current,
    versions,
    retirementReason: state.status === 'retired' ? (events.find((e) => e.type === ScoringModelEventType.Retired)?.data as ScoringModelRetiredData).reason : null,
    version: last.streamPosition,
    createdAt: events[0].recordedAt.toISOString(),
    updatedAt: last.recordedAt.toISOString(),
    retiredAt,
  };
}
