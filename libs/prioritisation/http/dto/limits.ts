/** Upper bounds on request content: generous for real models, small enough to refuse abuse. */
export const LIMITS = {
  identifier: 100,
  criterionId: 64,
  name: 200,
  label: 200,
  description: 2_000,
  reason: 2_000,
  rationale: 10_000,
  criteria: 50,
} as const;

/** A forum id as the forums context issues it (a UUID, or a readable slug): letters, digits, `_ . : -`. */
export const FORUM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** At least one non-space character. */
export const NOT_BLANK = /\S/;

export const SCORING_MODEL_TEMPLATES = ['herning_default'] as const;
export type ScoringModelTemplate = (typeof SCORING_MODEL_TEMPLATES)[number];
