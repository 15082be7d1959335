import { InvalidScoreSet } from './errors.js';
import { ASSESSOR_KINDS, type Assessor, type ScoreMap } from './score-set.js';
import type { ScoringModelVersion } from './scoring-model.js';
import { isWholeIn } from './validate-scoring-model.js';

/**
 * A score set is complete and fits the model version it names: every criterion scored, each a whole number within
 * its scale, nothing else. Throws InvalidScoreSet naming the first offending criterion (in model order, then unknown
 * criteria in the order given). Returns the scores in model order.
 */
export function validateScores(scores: ScoreMap, model: ScoringModelVersion): ScoreMap {
  if (typeof scores !== 'object' || scores === null) throw new InvalidScoreSet('scores', 'must map criterion ids to scores');
  for (const { id, scale } of model.criteria) {
    if (!Object.hasOwn(scores, id)) throw new InvalidScoreSet(`scores.${id}`, 'is missing: every criterion must be scored');
    if (!isWholeIn(scores[id], scale.min, scale.max)) {
      throw new InvalidScoreSet(`scores.${id}`, `must be a whole number from ${scale.min} to ${scale.max}`);
    }
  }
  for (const id of Object.keys(scores)) {
    if (!model.criteria.some((criterion) => criterion.id === id)) {
      throw new InvalidScoreSet(`scores.${id}`, `is not a criterion of model ${model.modelId} version ${model.version}`);
    }
  }
  return Object.fromEntries(model.criteria.map(({ id }) => [id, scores[id]]));
}

export function validateAssessor(assessor: Assessor): Assessor {
  if (!(ASSESSOR_KINDS as readonly string[]).includes(assessor?.kind)) {
    throw new InvalidScoreSet('assessor.kind', `must be one of ${ASSESSOR_KINDS.join(', ')}`);
  }
  if (typeof assessor.subject !== 'string' || assessor.subject.trim() === '') {
    throw new InvalidScoreSet('assessor.subject', 'must not be empty');
  }
  return { kind: assessor.kind, subject: assessor.subject };
}
