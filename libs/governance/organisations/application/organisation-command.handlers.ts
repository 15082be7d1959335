import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../../event-store/index.js';
import { OrganisationCommandType, OrganisationNotFound, type OrganisationCommand } from '../../domain/organisations/index.js';
import {
  AddDepartmentCommand,
  CloseDepartmentCommand,
  RegisterOrganisationCommand,
  RenameDepartmentCommand,
  type OrganisationCommandResult,
} from './organisation-commands.js';
import { OrganisationReader } from './organisation-reader.js';
import { organisationDecider, organisationStream } from './organisation-stream.js';
import { toOrganisationView } from './organisation-view.js';

/** Decide on the stream, append, and answer with the organisation as it now stands. */
async function run(
  store: EventStore,
  reader: OrganisationReader,
  organisationId: string,
  actingOrganisationId: string,
  command: OrganisationCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<OrganisationCommandResult> {
  // an organisation sees and changes only itself: another one is not found, whether it exists or not
  if (organisationId !== actingOrganisationId) throw new OrganisationNotFound(organisationId);
  const result = await handleCommand(store, organisationDecider, organisationStream(organisationId), command, { metadata, expectedVersion });
  const loaded = await reader.load(organisationId, { toVersion: result.version });
  return { organisation: toOrganisationView(loaded), position: result.append?.lastPosition ?? null };
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly reader: OrganisationReader) {}
  execute(c: RegisterOrganisationCommand) {
    const command = { type: OrganisationCommandType.Register, data: { organisationId: c.organisationId, name: c.name, kind: c.kind } } as const;
    // no expected version: an existing organisation is the domain's OrganisationAlreadyExists, not a version conflict
    return run(this.store, this.reader, c.organisationId, c.organisationId, command, c.metadata);
  }
}

@CommandHandler(AddDepartmentCommand)
export class AddDepartmentHandler implements ICommandHandler<AddDepartmentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly reader: OrganisationReader) {}
  execute(c: AddDepartmentCommand) {
    const command = {
      type: OrganisationCommandType.AddDepartment,
      data: { organisationId: c.organisationId, departmentId: c.departmentId, name: c.name },
    } as const;
    return run(this.store, this.reader, c.organisationId, c.actingOrganisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(RenameDepartmentCommand)
export class RenameDepartmentHandler implements ICommandHandler<RenameDepartmentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly reader: OrganisationReader) {}
  execute(c: RenameDepartmentCommand) {
    const command = {
      type: OrganisationCommandType.RenameDepartment,
      data: { organisationId: c.organisationId, departmentId: c.departmentId, name: c.name },
    } as const;
    return run(this.store, this.reader, c.organisationId, c.actingOrganisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(CloseDepartmentCommand)
export class CloseDepartmentHandler implements ICommandHandler<CloseDepartmentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly reader: OrganisationReader) {}
  execute(c: CloseDepartmentCommand) {
    const command = { type: OrganisationCommandType.CloseDepartment, data: { organisationId: c.organisationId, departmentId: c.departmentId } } as const;
    return run(this.store, this.reader, c.organisationId, c.actingOrganisationId, command, c.metadata, c.expectedVersion);
  }
}

export const ORGANISATION_COMMAND_HANDLERS = [RegisterOrganisationHandler, AddDepartmentHandler, RenameDepartmentHandler, CloseDepartmentHandler];
