import { fieldProblem } from '../field-problem.js';
import { HERNING_DEFAULT_MODEL, type ScoringModelContent } from '../../domain/index.js';
import type { ScoringModelTemplate } from './limits.js';
import type { ScoringModelContentDto } from './scoring-model-content.dto.js';

const TEMPLATES: Record<ScoringModelTemplate, ScoringModelContent> = { herning_default: HERNING_DEFAULT_MODEL };

/** The content the request asks for: a template (optionally renamed), or what it spells out. The domain judges it. */
export function toScoringModelContent(body: ScoringModelContentDto): ScoringModelContent {
  if (body.template !== undefined) {
    const conflicting = (['criteria', 'mandatoryCriterion'] as const).filter((field) => body[field] !== undefined);
    if (conflicting.length > 0) {
      throw fieldProblem(
        conflicting.map((field) => ({ field, reason: `must not be given with template ${body.template}` })),
        `A template brings its own criteria: leave out ${conflicting.join(' and ')} or the template.`,
      );
    }
    const template = TEMPLATES[body.template];
    return { ...template, name: body.name ?? template.name };
  }
  return {
    name: body.name!,
    criteria: body.criteria!.map((c) => ({ id: c.id, label: c.label, description: c.description ?? '', weight: c.weight, scale: { min: c.scale.min, max: c.scale.max } })),
    mandatoryCriterion: body.mandatoryCriterion ? { criterionId: body.mandatoryCriterion.criterionId, minimumScore: body.mandatoryCriterion.minimumScore } : null,
  };
}
