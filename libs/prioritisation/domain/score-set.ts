/**
 * One assessment of one proposal against one model version. Departments score their own proposals
 * (seed 002 p. 8); the forum and the programme office may assess them too, and every assessment is kept.
 */
export const ASSESSOR_KINDS = ['department', 'forum', 'programme_office'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

export interface Assessor {
  readonly kind: AssessorKind;
  /** Who assessed: the department's, forum's or programme office's id. */
  readonly subject: string;
}

/** Criterion id -> whole-number score on that criterion's scale. */
export type ScoreMap = Readonly<Record<string, number>>;

export interface ScoreSet {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly assessor: Assessor;
  /** One score per criterion of the model version, in model order. */
  readonly scores: ScoreMap;
  readonly rationale: string | null;
}
