import type { DomainEvent } from './events.js';
import type { ScoreSet } from './score-set.js';

export const ScorecardEventType = {
  ScoreSetRecorded: 'ScoreSetRecorded',
} as const;
export type ScorecardEventTypeName = (typeof ScorecardEventType)[keyof typeof ScorecardEventType];

export interface ScoreSetRecordedData extends ScoreSet {
  readonly proposalId: string;
  readonly forumId: string;
}

export type ScoreSetRecorded = DomainEvent<typeof ScorecardEventType.ScoreSetRecorded, ScoreSetRecordedData>;

export type ScorecardEvent = ScoreSetRecorded;
