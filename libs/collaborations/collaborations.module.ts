import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GovernanceModule } from '../governance/governance.module.js';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { COLLABORATION_COMMAND_HANDLERS } from './application/collaboration-command.handlers.js';
import { CollaborationMembershipReader } from './application/collaboration-membership.reader.js';
import { COLLABORATION_QUERY_HANDLERS } from './application/collaboration-queries.js';
import { CollaborationProjectsController } from './http/collaboration-projects.controller.js';
import { collaborationProblemMapper } from './http/collaboration-problem.mapper.js';
import { CollaborationSettlementsController } from './http/collaboration-settlements.controller.js';
import { CollaborationsController } from './http/collaborations.controller.js';
import { CollaborationMembership } from './read-models/collaboration-membership.entity.js';
import { CollaborationMembershipProjection } from './read-models/collaboration-membership.projection.js';
import { CollaborationSummary } from './read-models/collaboration-summary.entity.js';
import { CollaborationSummaryProjection } from './read-models/collaboration-summary.projection.js';

/**
 * The collaborations bounded context: collaborations of several organisations, their members over time, fee schemes
 * and fees, participation per project, costs and hours, and the yearly net settlement between members.
 * Exports CollaborationMembershipReader for the access rules (which collaborations two organisations share on a day).
 */
@Module({
  imports: [
    CqrsModule,
    ProjectionsModule,
    GovernanceModule,
    TypeOrmModule.forFeature([CollaborationSummary, CollaborationMembership]),
    ProblemModule.forFeature(collaborationProblemMapper),
  ],
  controllers: [CollaborationsController, CollaborationProjectsController, CollaborationSettlementsController],
  providers: [...COLLABORATION_COMMAND_HANDLERS, ...COLLABORATION_QUERY_HANDLERS, CollaborationMembershipReader],
  exports: [CollaborationMembershipReader],
})
export class CollaborationsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new CollaborationSummaryProjection());
    this.projections.register(new CollaborationMembershipProjection());
  }
}
