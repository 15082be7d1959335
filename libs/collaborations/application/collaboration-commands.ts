import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { CollaborationCommand, LegalForm } from '../domain/index.js';
import type { LoadedCollaboration } from './collaboration-view.js';

/** What every collaboration command answers: the collaboration after it, and where its events sit in the log. */
export interface CollaborationCommandResult {
  readonly loaded: LoadedCollaboration;
  /** Null when nothing was written (a retry of something already recorded). */
  readonly position: LogPosition | null;
}

/** Establishes a collaboration administered by the acting organisation. The id is generated. */
export class EstablishCollaborationCommand extends Command<CollaborationCommandResult> {
  constructor(
    readonly collaborationId: string,
    readonly organisationId: string,
    readonly name: string,
    readonly legalForm: LegalForm,
    readonly currency: Money['currency'],
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

/**
 * Any change to an existing collaboration, asked by an organisation: the administering one may ask anything, a member
 * only its own opt-in, opt-out and hours. References to organisations and forums are checked before deciding.
 */
export class ChangeCollaborationCommand extends Command<CollaborationCommandResult> {
  constructor(
    readonly actingOrganisationId: string,
    readonly command: Exclude<CollaborationCommand, { type: 'EstablishCollaboration' }>,
    readonly metadata: EventMetadata,
    /** The version the caller saw (If-Match); absent: the version just read guards the append. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
