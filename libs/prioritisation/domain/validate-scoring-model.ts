import { InvalidScoringModel } from './errors.js';
import {
  MAX_CRITERIA,
  MAX_SCALE_MAGNITUDE,
  MAX_WEIGHT,
  type Criterion,
  type MandatoryCriterion,
  type ScoringModelContent,
} from './scoring-model.js';

const CRITERION_ID = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Rules every model version keeps. Throws InvalidScoringModel for the first broken rule, in definition order,
 * so the answer is deterministic.
 */
export function validateScoringModelContent(content: ScoringModelContent): void {
  requireText(content.name, 'name');
  if (!Array.isArray(content.criteria) || content.criteria.length === 0) {
    throw new InvalidScoringModel('criteria', 'must name at least one criterion');
  }
  if (content.criteria.length > MAX_CRITERIA) {
    throw new InvalidScoringModel('criteria', `must name at most ${MAX_CRITERIA} criteria`);
  }
  const seen = new Map<string, number>();
  content.criteria.forEach((criterion, i) => {
    validateCriterion(criterion, `criteria.${i}`);
    const first = seen.get(criterion.id);
    if (first !== undefined) {
      throw new InvalidScoringModel(`criteria.${i}.id`, `must be unique: '${criterion.id}' is also criterion ${first}`);
    }
    seen.set(criterion.id, i);
  });
  if (content.mandatoryCriterion !== null) validateMandatory(content.mandatoryCriterion, content.criteria);
}

function validateCriterion(criterion: Criterion, field: string): void {
  if (typeof criterion.id !== 'string' || !CRITERION_ID.test(criterion.id)) {
    throw new InvalidScoringModel(
      `${field}.id`,
      'must be 1 to 64 lower-case letters, digits or underscores, starting with a letter',
    );
  }
  requireText(criterion.label, `${field}.label`);
  if (typeof criterion.description !== 'string') throw new InvalidScoringModel(`${field}.description`, 'must be text');
  if (!isWholeIn(criterion.weight, 1, MAX_WEIGHT)) {
    throw new InvalidScoringModel(`${field}.weight`, `must be a positive whole number up to ${MAX_WEIGHT}`);
  }
  const { min, max } = criterion.scale ?? {};
  for (const [bound, value] of [['min', min], ['max', max]] as const) {
    if (!isWholeIn(value, -MAX_SCALE_MAGNITUDE, MAX_SCALE_MAGNITUDE)) {
      throw new InvalidScoringModel(
        `${field}.scale.${bound}`,
        `must be a whole number from ${-MAX_SCALE_MAGNITUDE} to ${MAX_SCALE_MAGNITUDE}`,
      );
    }
  }
  if (min >= max) throw new InvalidScoringModel(`${field}.scale`, 'min must be below max');
}

function validateMandatory(mandatory: MandatoryCriterion, criteria: readonly Criterion[]): void {
  const criterion = criteria.find((c) => c.id === mandatory.criterionId);
  if (criterion === undefined) {
    const reason = `must be a criterion of the model, not '${mandatory.criterionId}'`;
    throw new InvalidScoringModel('mandatoryCriterion.criterionId', reason);
  }
  const { min, max } = criterion.scale;
  if (!isWholeIn(mandatory.minimumScore, min, max)) {
    throw new InvalidScoringModel(
      'mandatoryCriterion.minimumScore',
      `must be a whole number within the scale of ${criterion.id} (${min} to ${max})`,
    );
  }
}

export function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidScoringModel(field, 'must not be empty');
}
