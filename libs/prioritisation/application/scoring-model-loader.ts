import type { EventStore, RecordedEvent } from '../../event-store/index.js';
import { currentModelVersion, ScoringModelNotFound, type ExistingScoringModel, type ScoringModelVersion } from '../domain/index.js';
import { scoringModelStream, streamOwner } from './prioritisation-streams.js';
import { foldScoringModel } from './scoring-model-view.js';

export interface LoadedScoringModel {
  readonly state: ExistingScoringModel;
  readonly events: readonly RecordedEvent[];
}

/**
 * A model of the acting organisation, folded from its own stream (always current). Another organisation's model,
 * or none, is ScoringModelNotFound: existence is not revealed.
 */
export async function loadScoringModel(store: EventStore, organisationId: string, modelId: string): Promise<LoadedScoringModel> {
  const events = await store.readStream(scoringModelStream(modelId));
  const state = foldScoringModel(events);
  if (state.status === 'none' || streamOwner(events) !== organisationId) throw new ScoringModelNotFound(modelId);
  return { state, events };
}

/** The version in force of each model of the acting organisation (unknown ones are skipped), in the order asked. */
export async function currentModels(
  store: EventStore,
  organisationId: string,
  modelIds: readonly string[],
): Promise<{ model: ScoringModelVersion; status: 'active' | 'retired' }[]> {
  const models = await Promise.all(
    modelIds.map(async (modelId) => {
      try {
        const { state } = await loadScoringModel(store, organisationId, modelId);
        return { model: currentModelVersion(state)!, status: state.status };
      } catch (error) {
        if (error instanceof ScoringModelNotFound) return null;
        throw error;
      }
    }),
  );
  return models.filter((m) => m !== null);
}
