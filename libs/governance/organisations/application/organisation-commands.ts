import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { OrganisationKind } from '../../domain/organisations/index.js';
import type { OrganisationView } from './organisation-view.js';

/** What every organisation command answers: the organisation after it, and where its events sit in the log. */
export interface OrganisationCommandResult {
  readonly organisation: OrganisationView;
  /** Null when nothing was written (a rename to the current name). */
  readonly position: LogPosition | null;
}

export class RegisterOrganisationCommand extends Command<OrganisationCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly name: string,
    readonly kind: OrganisationKind,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AddDepartmentCommand extends Command<OrganisationCommandResult> {
  constructor(
    readonly organisationId: string,
    /** The acting organisation: another organisation is not found. */
    readonly actingOrganisationId: string,
    readonly departmentId: string,
    readonly name: string,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class RenameDepartmentCommand extends Command<OrganisationCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly actingOrganisationId: string,
    readonly departmentId: string,
    readonly name: string,
    /** Undefined for `If-Match: *`: the version read just before the write still guards it. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class CloseDepartmentCommand extends Command<OrganisationCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly actingOrganisationId: string,
    readonly departmentId: string,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
