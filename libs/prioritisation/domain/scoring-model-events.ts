import type { DomainEvent } from './events.js';
import type { ScoringModelVersion } from './scoring-model.js';

export const ScoringModelEventType = {
  Defined: 'ScoringModelDefined',
  Revised: 'ScoringModelRevised',
  Retired: 'ScoringModelRetired',
} as const;
export type ScoringModelEventTypeName = (typeof ScoringModelEventType)[keyof typeof ScoringModelEventType];

/**
 * Definition and revision each carry the complete version, so any version can be read from its own event
 * (a projection or an auditor needs no replay to know what version 3 said).
 */
export type ScoringModelDefined = DomainEvent<typeof ScoringModelEventType.Defined, ScoringModelVersion>;
export type ScoringModelRevised = DomainEvent<typeof ScoringModelEventType.Revised, ScoringModelVersion>;

export interface ScoringModelRetiredData {
  readonly modelId: string;
  readonly forumId: string;
  /** The version in force when retired. */
  readonly lastVersion: number;
  readonly reason: string;
}
export type ScoringModelRetired = DomainEvent<typeof ScoringModelEventType.Retired, ScoringModelRetiredData>;

export type ScoringModelEvent = ScoringModelDefined | ScoringModelRevised | ScoringModelRetired;
