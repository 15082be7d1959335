import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventStore, type LogPosition } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import {
  InvalidResourceRequest,
  PlanCommandType,
  planDecider,
  ProjectNotFound,
  ResourceCommandType,
  resourceDecider,
  ResourceNotFound,
  RoleCommandType,
  roleDecider,
  RoleNotFound,
  type PlanState,
  type ResourceCommand,
} from '../domain/index.js';
import { PlanPreconditionRequired } from './application.errors.js';
import { isProjectOf, isRoleOf } from './organisation-references.js';
import {
  AmendRoleCommand,
  ChangeResourceCommand,
  DefineRoleCommand,
  RegisterResourceCommand,
  SetDemandCommand,
  type ResourceChange,
} from './resource-commands.js';
import { foldPlanView, foldResourceView, foldRoleView } from './resource-views.js';
import { resourcePlanStream, resourceStream, roleStream } from './streams.js';

const positionOf = (append: { lastPosition: LogPosition } | null) => append?.lastPosition ?? null;

@CommandHandler(DefineRoleCommand)
export class DefineRoleHandler implements ICommandHandler<DefineRoleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: DefineRoleCommand) {
    const stream = roleStream(c.organisationId, c.roleId);
    const command = { type: RoleCommandType.Define, data: { roleId: c.roleId, organisationId: c.organisationId, name: c.name, description: c.description } } as const;
    const result = await handleCommand(this.store, roleDecider, stream, command, { metadata: c.metadata });
    return { view: foldRoleView(await this.store.readStream(stream, { toVersion: result.version }))!, position: positionOf(result.append) };
  }
}

@CommandHandler(AmendRoleCommand)
export class AmendRoleHandler implements ICommandHandler<AmendRoleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: AmendRoleCommand) {
    const stream = roleStream(c.organisationId, c.roleId);
    const command = { type: RoleCommandType.Amend, data: { roleId: c.roleId, ...c.changes } } as const;
    const result = await handleCommand(this.store, roleDecider, stream, command, { metadata: c.metadata, expectedVersion: c.expectedVersion });
    const view = foldRoleView(await this.store.readStream(stream, { toVersion: result.version }));
    if (!view) throw new RoleNotFound(c.roleId);
    return { view, position: positionOf(result.append) };
  }
}

@CommandHandler(RegisterResourceCommand)
export class RegisterResourceHandler implements ICommandHandler<RegisterResourceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: RegisterResourceCommand) {
    // roles are never removed: what is checked here still holds at the append
    if (!(await isRoleOf(this.store, c.organisationId, c.registration.roleId))) throw new InvalidResourceRequest('roleId', 'is not a role of this organisation');
    const resourceId = randomUUID();
    const stream = resourceStream(resourceId);
    const command = { type: ResourceCommandType.Register, data: { resourceId, organisationId: c.organisationId, ...c.registration } } as const;
    const result = await handleCommand(this.store, resourceDecider, stream, command, { metadata: c.metadata, newStream: true });
    return { view: foldResourceView(await this.store.readStream(stream, { toVersion: result.version }))!, position: positionOf(result.append) };
  }
}

/** The domain command for a change of an existing resource. */
function toDomainCommand(resourceId: string, change: ResourceChange): ResourceCommand {
  switch (change.type) {
    case 'amend': {
      const { type: _type, ...data } = change;
      return { type: ResourceCommandType.Amend, data: { resourceId, ...data } };
    }
    case 'capacity': {
      const { type: _type, ...data } = change;
      return { type: ResourceCommandType.SetCapacity, data: { resourceId, ...data } };
    }
    case 'lend': {
      const { type: _type, ...data } = change;
      return { type: ResourceCommandType.Lend, data: { resourceId, ...data } };
    }
    case 'cancel-loan':
      return { type: ResourceCommandType.CancelLoan, data: { resourceId, loanId: change.loanId, reason: change.reason } };
    case 'assign': {
      const { type: _type, ...data } = change;
      return { type: ResourceCommandType.Assign, data: { resourceId, ...data } };
    }
    case 'withdraw-assignment':
      return { type: ResourceCommandType.WithdrawAssignment, data: { resourceId, assignmentId: change.assignmentId, reason: change.reason } };
  }
}

@CommandHandler(ChangeResourceCommand)
export class ChangeResourceHandler implements ICommandHandler<ChangeResourceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: ChangeResourceCommand) {
    const stream = resourceStream(c.resourceId);
    const guard = organisationGuard(c.organisationId, () => new ResourceNotFound(c.resourceId));
    const { change } = c;
    // references to other streams first; projects and roles are never removed, so the checks hold at the append
    if (change.type === 'assign' && !(await isProjectOf(this.store, c.organisationId, change.projectId))) {
      throw new InvalidResourceRequest('projectId', 'is not a project in the portfolio of this organisation');
    }
    if (change.type === 'amend' && change.roleId !== undefined && !(await isRoleOf(this.store, c.organisationId, change.roleId))) {
      throw new InvalidResourceRequest('roleId', 'is not a role of this organisation');
    }
    const command = toDomainCommand(c.resourceId, change);
    const result = await handleCommand(this.store, resourceDecider, stream, command, { metadata: c.metadata, expectedVersion: c.expectedVersion, guard });
    const view = foldResourceView(await this.store.readStream(stream, { toVersion: result.version }));
    if (!view) throw new ResourceNotFound(c.resourceId);
    return { view, position: positionOf(result.append) };
  }
}

@CommandHandler(SetDemandCommand)
export class SetDemandHandler implements ICommandHandler<SetDemandCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: SetDemandCommand) {
    if (!(await isProjectOf(this.store, c.organisationId, c.projectId))) throw new ProjectNotFound(c.projectId);
    if (!(await isRoleOf(this.store, c.organisationId, c.roleId))) throw new InvalidResourceRequest('roleId', 'is not a role of this organisation');
    const stream = resourcePlanStream(c.projectId);
    const guard = (state: unknown) => {
      organisationGuard(c.organisationId, () => new ProjectNotFound(c.projectId))(state);
      if ((state as PlanState).status === 'planned' && c.ifMatch === undefined) throw new PlanPreconditionRequired(c.projectId);
    };
    const command = { type: PlanCommandType.SetDemand, data: { projectId: c.projectId, organisationId: c.organisationId, roleId: c.roleId, ...c.demand } } as const;
    const expectedVersion = typeof c.ifMatch === 'number' ? c.ifMatch : undefined;
    const result = await handleCommand(this.store, planDecider, stream, command, { metadata: c.metadata, expectedVersion, guard });
    const { organisationId: _org, ...view } = foldPlanView(await this.store.readStream(stream, { toVersion: result.version }))!;
    return { view, position: positionOf(result.append) };
  }
}

export const RESOURCE_COMMAND_HANDLERS = [DefineRoleHandler, AmendRoleHandler, RegisterResourceHandler, ChangeResourceHandler, SetDemandHandler];
