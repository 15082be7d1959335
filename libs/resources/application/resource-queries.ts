import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import {
  capacityView,
  ProjectNotFound,
  ResourceNotFound,
  RoleNotFound,
  scarcityReport,
  type CapacityRow,
  type Month,
  type RoleScarcity,
} from '../domain/index.js';
import {
  capacitySources,
  listResources,
  listRoles,
  resourcesAssignedTo,
  type ResourceListPage,
  type ResourceListQuery,
} from '../read-models/resource-lists.query.js';
import type { ResourceRoleRow } from '../read-models/resource-read-models.entity.js';
import { isProjectOf } from './organisation-references.js';
import { foldPlanView, foldResourceView, foldRoleView, type ResourcePlanView, type ResourceView, type RoleView } from './resource-views.js';
import { resourcePlanStream, resourceStream, roleStream } from './streams.js';

export class GetRoleQuery extends Query<RoleView> {
  constructor(readonly organisationId: string, readonly roleId: string) {
    super();
  }
}

export class ListRolesQuery extends Query<ResourceRoleRow[]> {
  constructor(readonly organisationId: string) {
    super();
  }
}

export class GetResourceQuery extends Query<ResourceView> {
  constructor(readonly organisationId: string, readonly resourceId: string) {
    super();
  }
}

export class ListResourcesQuery extends Query<ResourceListPage> {
  constructor(readonly criteria: ResourceListQuery) {
    super();
  }
}

/** A project's demand and who is assigned to it. */
export interface ProjectResourcesView extends ResourcePlanView {
  readonly assignments: readonly {
    readonly resourceId: string;
    readonly roleId: string;
    readonly assignmentId: string;
    readonly from: Month;
    readonly to: Month;
    readonly hoursPerMonth: number;
    readonly status: 'active' | 'withdrawn';
  }[];
}

export class GetProjectResourcesQuery extends Query<ProjectResourcesView> {
  constructor(readonly organisationId: string, readonly projectId: string) {
    super();
  }
}

export interface CapacityRange {
  readonly from: Month;
  readonly to: Month;
}

export class CapacityViewQuery extends Query<CapacityRow[]> {
  constructor(readonly organisationId: string, readonly range: CapacityRange, readonly roleId?: string) {
    super();
  }
}

export class ScarcityReportQuery extends Query<RoleScarcity[]> {
  constructor(readonly organisationId: string, readonly range: CapacityRange) {
    super();
  }
}

@QueryHandler(GetRoleQuery)
export class GetRoleHandler implements IQueryHandler<GetRoleQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetRoleQuery) {
    const view = foldRoleView(await this.store.readStream(roleStream(q.organisationId, q.roleId)));
    if (!view) throw new RoleNotFound(q.roleId);
    return view;
  }
}

@QueryHandler(ListRolesQuery)
export class ListRolesHandler implements IQueryHandler<ListRolesQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListRolesQuery) {
    return listRoles(this.dataSource, q.organisationId);
  }
}

@QueryHandler(GetResourceQuery)
export class GetResourceHandler implements IQueryHandler<GetResourceQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetResourceQuery) {
    const view = foldResourceView(await this.store.readStream(resourceStream(q.resourceId)));
    if (!view || view.organisationId !== q.organisationId) throw new ResourceNotFound(q.resourceId);
    return view;
  }
}

@QueryHandler(ListResourcesQuery)
export class ListResourcesHandler implements IQueryHandler<ListResourcesQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListResourcesQuery) {
    return listResources(this.dataSource, q.criteria);
  }
}

@QueryHandler(GetProjectResourcesQuery)
export class GetProjectResourcesHandler implements IQueryHandler<GetProjectResourcesQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}
  async execute(q: GetProjectResourcesQuery): Promise<ProjectResourcesView> {
    if (!(await isProjectOf(this.store, q.organisationId, q.projectId))) throw new ProjectNotFound(q.projectId);
    const plan = foldPlanView(await this.store.readStream(resourcePlanStream(q.projectId)));
    const assigned = await resourcesAssignedTo(this.dataSource, q.organisationId, q.projectId);
    const assignments = assigned.flatMap((r) =>
      r.assignments
        .filter((a) => a.projectId === q.projectId)
        .map(({ assignmentId, from, to, hoursPerMonth, status }) => ({ resourceId: r.id, roleId: r.roleId, assignmentId, from, to, hoursPerMonth, status })),
    );
    return { projectId: q.projectId, demand: plan?.demand ?? [], version: plan?.version ?? 0, assignments };
  }
}

@QueryHandler(CapacityViewQuery)
export class CapacityViewHandler implements IQueryHandler<CapacityViewQuery> {
  constructor(private readonly dataSource: DataSource) {}
  async execute(q: CapacityViewQuery) {
    const { resources, plans } = await capacitySources(this.dataSource, q.organisationId);
    return capacityView(resources.map((r) => ({ ...r, resourceId: r.id })), plans, q.range, q.roleId);
  }
}

@QueryHandler(ScarcityReportQuery)
export class ScarcityReportHandler implements IQueryHandler<ScarcityReportQuery> {
  constructor(private readonly dataSource: DataSource) {}
  async execute(q: ScarcityReportQuery) {
    const { resources, plans } = await capacitySources(this.dataSource, q.organisationId);
    return scarcityReport(capacityView(resources.map((r) => ({ ...r, resourceId: r.id })), plans, q.range));
  }
}

export const RESOURCE_QUERY_HANDLERS = [
  GetRoleHandler,
  ListRolesHandler,
  GetResourceHandler,
  ListResourcesHandler,
  GetProjectResourcesHandler,
  CapacityViewHandler,
  ScarcityReportHandler,
];
