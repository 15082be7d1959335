import { canonicalJson } from './canonical-json.js';
import {
  ScoringModelCommandType,
  type DefineScoringModel,
  type RetireScoringModel,
  type ReviseScoringModel,
  type ScoringModelCommand,
} from './scoring-model-commands.js';
import { InvalidScoringModel, ScoringModelAlreadyExists, ScoringModelNotFound, ScoringModelIsRetired } from './errors.js';
import { ScoringModelEventType, type ScoringModelEvent } from './scoring-model-events.js';
import type { Criterion, MandatoryCriterion, ScoringModelContent } from './scoring-model.js';
import { currentModelVersion, type ExistingScoringModel, type ScoringModelState } from './scoring-model-state.js';
import { validateScoringModelContent } from './validate-scoring-model.js';

/**
 * The rules of a forum's scoring model: defined once, revised into numbered versions, retired at most once.
 * Returns the events to record (without metadata) or throws a DomainError.
 */
export function decideScoringModel(command: ScoringModelCommand, state: ScoringModelState): ScoringModelEvent[] {
  switch (command.type) {
    case ScoringModelCommandType.Define:
      return define(command, state);
    case ScoringModelCommandType.Revise:
      return revise(command, state);
    case ScoringModelCommandType.Retire:
      return retire(command, state);
  }
}

function define({ data }: DefineScoringModel, state: ScoringModelState): ScoringModelEvent[] {
  if (state.status !== 'none') throw new ScoringModelAlreadyExists(data.modelId);
  requireText(data.modelId, 'modelId');
  requireText(data.forumId, 'forumId');
  const content = contentOf(data);
  validateScoringModelContent(content);
  const { modelId, forumId } = data;
  return [{ type: ScoringModelEventType.Defined, data: { modelId, forumId, version: 1, ...content } }];
}

function revise({ data }: ReviseScoringModel, state: ScoringModelState): ScoringModelEvent[] {
  const model = active(state, data.modelId);
  const content = contentOf(data);
  validateScoringModelContent(content);
  const current = currentModelVersion(model)!;
  // A retried or no-op revision must not mint a version that differs from its predecessor in number only.
  if (canonicalJson(content) === canonicalJson(contentOf(current))) return [];
  const version = current.version + 1;
  return [{ type: ScoringModelEventType.Revised, data: { modelId: model.modelId, forumId: model.forumId, version, ...content } }];
}

function retire({ data }: RetireScoringModel, state: ScoringModelState): ScoringModelEvent[] {
  const model = active(state, data.modelId);
  requireText(data.reason, 'reason');
  const { modelId, forumId, versions } = model;
  return [{ type: ScoringModelEventType.Retired, data: { modelId, forumId, lastVersion: versions.length, reason: data.reason } }];
}

function active(state: ScoringModelState, modelId: string): ExistingScoringModel {
  if (state.status === 'none') throw new ScoringModelNotFound(modelId);
  if (state.status === 'retired') throw new ScoringModelIsRetired(state.modelId);
  return state;
}

/** Only the fields the domain knows, in a fixed shape, so stray input never reaches an event. */
function contentOf(source: {
  readonly name: string;
  readonly criteria: readonly Criterion[];
  readonly mandatoryCriterion?: MandatoryCriterion | null;
}): ScoringModelContent {
  const criteria = Array.isArray(source.criteria)
    ? source.criteria.map(({ id, label, description, weight, scale }) => ({
        id,
        label,
        description,
        weight,
        scale: { min: scale?.min, max: scale?.max },
      }))
    : source.criteria;
  const mandatory = source.mandatoryCriterion ?? null;
  return {
    name: source.name,
    criteria,
    mandatoryCriterion: mandatory && { criterionId: mandatory.criterionId, minimumScore: mandatory.minimumScore },
  };
}

function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidScoringModel(field, 'must not be empty');
}
