import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { PROPOSAL_COMMAND_HANDLERS } from './application/proposal-command.handlers.js';
import { PROPOSAL_QUERY_HANDLERS } from './application/proposal-queries.js';
import { proposalProblemMapper } from './http/proposal-problem.mapper.js';
import { ProposalsController } from './http/proposals.controller.js';
import { ProposalSummary } from './read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from './read-models/proposal-summary.projection.js';

/** The proposals bounded context: its commands, queries, read model and HTTP API. */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([ProposalSummary]), ProblemModule.forFeature(proposalProblemMapper)],
  controllers: [ProposalsController],
  providers: [...PROPOSAL_COMMAND_HANDLERS, ...PROPOSAL_QUERY_HANDLERS],
})
export class ProposalsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new ProposalSummaryProjection());
  }
}
