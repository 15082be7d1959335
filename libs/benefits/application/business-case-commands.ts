import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { BusinessCaseCommand } from '../domain/index.js';
import type { BusinessCaseView } from './business-case-view.js';

export interface BusinessCaseCommandResult {
  readonly businessCase: BusinessCaseView;
  /** Null when nothing was written (a retry, an unchanged revision). */
  readonly position: LogPosition | null;
}

/**
 * Runs one domain command on a project's business case, for the acting organisation. Preparing (and moving it to
 * another forum) checks that the project is in the organisation's portfolio and the forum is one of its forums.
 */
export class ExecuteBusinessCaseCommand extends Command<BusinessCaseCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly command: BusinessCaseCommand,
    /** The version the caller saw (If-Match); undefined: the version read just before guards the append. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
