import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { RESOURCE_COMMAND_HANDLERS } from './application/resource-command.handlers.js';
import { RESOURCE_QUERY_HANDLERS } from './application/resource-queries.js';
import { resourcesProblemMapper } from './http/resources-problem.mapper.js';
import { CapacityController, ProjectResourcesController, ResourceRolesController, ResourcesController } from './http/resources.controller.js';
import { ResourcePlanRow, ResourceRoleRow, ResourceRow } from './read-models/resource-read-models.entity.js';
import { ResourcePlansProjection, ResourceRolesProjection, ResourcesProjection } from './read-models/resource-projections.js';

/**
 * The resources bounded context: roles, people and teams with capacity per month, loans between departments or
 * members, projects' demand, assignments, the capacity view with over-allocation flagged, and the scarcity report.
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([ResourceRoleRow, ResourceRow, ResourcePlanRow]), ProblemModule.forFeature(resourcesProblemMapper)],
  controllers: [ResourceRolesController, ResourcesController, ProjectResourcesController, CapacityController],
  providers: [...RESOURCE_COMMAND_HANDLERS, ...RESOURCE_QUERY_HANDLERS],
})
export class ResourcesModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new ResourceRolesProjection());
    this.projections.register(new ResourcesProjection());
    this.projections.register(new ResourcePlansProjection());
  }
}
