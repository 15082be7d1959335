import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import {
  planDecider,
  PlanEventType,
  resourceDecider,
  ResourceEventType,
  roleDecider,
  RoleEventType,
  type PlanEvent,
  type ResourceEvent,
  type ResourceState,
  type RoleEvent,
} from '../domain/index.js';
import { ResourcePlanRow, ResourceRoleRow, ResourceRow } from './resource-read-models.entity.js';

/** Builds `resource_roles` by folding each role's events with the domain's own evolve. */
export class ResourceRolesProjection extends DocumentProjection<ResourceRoleRow> {
  readonly name = 'resource_roles';
  readonly version = 1;
  readonly handles = Object.values(RoleEventType);
  readonly tables = ['resource_roles'];
  protected readonly entity = ResourceRoleRow;
  protected readonly key = 'streamId';

  protected keyOf(event: RecordedEvent): string {
    return event.streamId;
  }

  protected evolve(current: ResourceRoleRow | null, event: RecordedEvent): ResourceRoleRow | null {
    const before = current ? ({ status: 'defined', ...current } as const) : roleDecider.initialState();
    const state = roleDecider.evolve(before, { type: event.type, data: event.data } as RoleEvent);
    if (state.status === 'none') return null;
    return {
      streamId: event.streamId,
      organisationId: state.organisationId,
      roleId: state.roleId,
      name: state.name,
      description: state.description,
      version: event.streamPosition,
      createdAt: current?.createdAt ?? event.recordedAt,
      updatedAt: event.recordedAt,
    };
  }
}

/** Builds `resources`: each row is the resource's domain state after its events. */
export class ResourcesProjection extends DocumentProjection<ResourceRow> {
  readonly name = 'resources';
  readonly version = 1;
  readonly handles = Object.values(ResourceEventType);
  readonly tables = ['resources'];
  protected readonly entity = ResourceRow;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string {
    return (event.data as { resourceId: string }).resourceId;
  }

  protected evolve(current: ResourceRow | null, event: RecordedEvent): ResourceRow | null {
    const before: ResourceState = current ? { status: 'registered', resourceId: current.id, ...current } : resourceDecider.initialState();
    const state = resourceDecider.evolve(before, { type: event.type, data: event.data } as ResourceEvent);
    if (state.status === 'none') return null;
    const { status: _status, resourceId, organisationId, kind, person, teamName, roleId, homeUnitId, capacity, loans, assignments } = state;
    return {
      id: resourceId,
      organisationId,
      kind,
      person,
      teamName,
      roleId,
      homeUnitId,
      capacity: { ...capacity },
      loans: [...loans],
      assignments: [...assignments],
      version: event.streamPosition,
      createdAt: current?.createdAt ?? event.recordedAt,
      updatedAt: event.recordedAt,
    };
  }
}

/** Builds `resource_plans`: each project's demand per role and month. */
export class ResourcePlansProjection extends DocumentProjection<ResourcePlanRow> {
  readonly name = 'resource_plans';
  readonly version = 1;
  readonly handles = Object.values(PlanEventType);
  readonly tables = ['resource_plans'];
  protected readonly entity = ResourcePlanRow;
  protected readonly key = 'projectId';

  protected keyOf(event: RecordedEvent): string {
    return (event.data as { projectId: string }).projectId;
  }

  protected evolve(current: ResourcePlanRow | null, event: RecordedEvent): ResourcePlanRow | null {
    const before = current ? ({ status: 'planned', ...current } as const) : planDecider.initialState();
    const state = planDecider.evolve(before, { type: event.type, data: event.data } as PlanEvent);
    if (state.status === 'none') return null;
    return { projectId: state.projectId, organisationId: state.organisationId, demand: state.demand, version: event.streamPosition, updatedAt: event.recordedAt };
  }
}
