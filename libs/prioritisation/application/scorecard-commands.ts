import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { AssessorKind, ScoreMap } from '../domain/index.js';
import type { ScorecardView } from './scorecard-view.js';

export interface ScorecardCommandResult {
  readonly scorecard: ScorecardView;
  /** Null when nothing was written (the same assessment as the assessor's latest: a retry). */
  readonly position: LogPosition | null;
}

/** One assessment of a proposal against a forum's scoring model version; the assessor subject is the acting actor. */
export class RecordScoreSetCommand extends Command<ScorecardCommandResult> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
    readonly forumId: string,
    readonly modelId: string,
    readonly modelVersion: number,
    readonly assessor: { readonly kind: AssessorKind; readonly subject: string },
    readonly scores: ScoreMap,
    readonly rationale: string | null,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
