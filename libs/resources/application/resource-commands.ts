import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { Person } from '../../proposals/domain/proposal-form.js';
import type { EffortInput, Month, ResourceKind } from '../domain/index.js';
import type { ResourcePlanView, ResourceView, RoleView } from './resource-views.js';

/** What a command answers: the resource after it, and where its events sit in the log (null when nothing was written). */
export interface CommandResult<View> {
  readonly view: View;
  readonly position: LogPosition | null;
}

/** The caller's If-Match: a version, `*` (any), or none. */
export type IfMatch = number | '*' | undefined;

export class DefineRoleCommand extends Command<CommandResult<RoleView>> {
  constructor(
    readonly organisationId: string,
    readonly roleId: string,
    readonly name: string,
    readonly description: string | null,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AmendRoleCommand extends Command<CommandResult<RoleView>> {
  constructor(
    readonly organisationId: string,
    readonly roleId: string,
    readonly changes: { readonly name?: string; readonly description?: string | null },
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export interface ResourceRegistration {
  readonly kind: ResourceKind;
  readonly person: Person | null;
  readonly teamName: string | null;
  readonly roleId: string;
  readonly homeUnitId: string;
}

export class RegisterResourceCommand extends Command<CommandResult<ResourceView>> {
  constructor(
    readonly organisationId: string,
    readonly registration: ResourceRegistration,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

/** Every change to an existing resource: the domain command's data (without the id) and the version the caller saw. */
export type ResourceChange =
  | { readonly type: 'amend'; readonly person?: Person; readonly teamName?: string; readonly roleId?: string }
  | ({ readonly type: 'capacity'; readonly from: Month; readonly to: Month } & EffortInput)
  | ({ readonly type: 'lend'; readonly loanId: string; readonly borrowerUnitId: string; readonly from: Month; readonly to: Month; readonly note: string | null } & EffortInput)
  | { readonly type: 'cancel-loan'; readonly loanId: string; readonly reason: string | null }
  | ({ readonly type: 'assign'; readonly assignmentId: string; readonly projectId: string; readonly from: Month; readonly to: Month } & EffortInput)
  | { readonly type: 'withdraw-assignment'; readonly assignmentId: string; readonly reason: string | null };

export class ChangeResourceCommand extends Command<CommandResult<ResourceView>> {
  constructor(
    readonly organisationId: string,
    readonly resourceId: string,
    readonly change: ResourceChange,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class SetDemandCommand extends Command<CommandResult<ResourcePlanView>> {
  constructor(
    readonly organisationId: string,
    readonly projectId: string,
    readonly roleId: string,
    readonly demand: { readonly from: Month; readonly to: Month } & EffortInput,
    /** Required (a number or `*`) once the plan exists. */
    readonly ifMatch: IfMatch,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
