import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { ScoringModelContent } from '../domain/index.js';
import type { ScoringModelView } from './scoring-model-view.js';

/** What every scoring-model command answers: the model after it, and where its events sit in the log. */
export interface ScoringModelCommandResult {
  readonly model: ScoringModelView;
  /** Null when nothing was written (a revision equal to the version in force). */
  readonly position: LogPosition | null;
}

export class DefineScoringModelCommand extends Command<ScoringModelCommandResult> {
  constructor(
    readonly modelId: string,
    readonly organisationId: string,
    readonly forumId: string,
    readonly content: ScoringModelContent,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class ReviseScoringModelCommand extends Command<ScoringModelCommandResult> {
  constructor(
    readonly modelId: string,
    readonly organisationId: string,
    readonly content: ScoringModelContent,
    /** Undefined for `If-Match: *`. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class RetireScoringModelCommand extends Command<ScoringModelCommandResult> {
  constructor(
    readonly modelId: string,
    readonly organisationId: string,
    readonly reason: string,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
