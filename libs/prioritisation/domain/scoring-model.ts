/**
 * What a forum scores proposals on: criteria with weights and scales. Criteria and weights differ per forum
 * (DOMAIN.md, "Importance scoring"), and a model changes over time, so every revision is a new numbered version.
 */

/** An inclusive range of whole-number scores, e.g. 1..5 where the higher score is better. */
export interface CriterionScale {
  readonly min: number;
  readonly max: number;
}

export interface Criterion {
  /** Stable machine id, the key in score maps: lower-case letters, digits and `_`, starting with a letter. */
  readonly id: string;
  /** Shown to users; may be Danish or Norwegian. */
  readonly label: string;
  readonly description: string;
  /** A positive whole number; a criterion's share of the weighted score is weight / sum of weights. */
  readonly weight: number;
  readonly scale: CriterionScale;
}

/** A score of at least `minimumScore` on `criterionId` marks a legal requirement: the proposal is mandatory. */
export interface MandatoryCriterion {
  readonly criterionId: string;
  readonly minimumScore: number;
}

/** The part of a model a forum chooses; every version holds all of it. Criteria order is the tie-break order. */
export interface ScoringModelContent {
  readonly name: string;
  readonly criteria: readonly Criterion[];
  readonly mandatoryCriterion: MandatoryCriterion | null;
}

/** One version of a model, exactly as recorded; rankings and score sets name it by modelId + version. */
export interface ScoringModelVersion extends ScoringModelContent {
  readonly modelId: string;
  readonly forumId: string;
  /** 1 for the definition, +1 per revision. */
  readonly version: number;
}

export interface ScoringModelRef {
  readonly modelId: string;
  readonly version: number;
}

/**
 * Bounds that keep every weighted sum far inside the safe integers (50 x 1000 x 1000 = 5e7), so scores stay exact
 * whether a caller adds them as numbers or as bigints; no real forum comes near them.
 */
export const MAX_CRITERIA = 50;
export const MAX_WEIGHT = 1000;
export const MAX_SCALE_MAGNITUDE = 1000;

export function criterionById(model: ScoringModelContent, criterionId: string): Criterion | undefined {
  return model.criteria.find((criterion) => criterion.id === criterionId);
}
