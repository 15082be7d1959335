import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { FUNDING_POOL_COMMAND_HANDLERS } from './application/funding-pool-command.handlers.js';
import { FUNDING_POOL_QUERY_HANDLERS } from './application/funding-pool-queries.js';
import { FundingPoolReader } from './application/funding-pool.reader.js';
import { fundingProblemMapper } from './http/funding-problem.mapper.js';
import { FundingPoolsController } from './http/funding-pools.controller.js';
import { FundingPoolSummary } from './read-models/funding-pool-summary.entity.js';
import { FundingPoolSummaryProjection } from './read-models/funding-pool-summary.projection.js';

/**
 * The funding bounded context: forums' development pools, commitments to proposals, balances.
 * Exports FundingPoolReader for the agenda freeze; the decisions context commits money with CommitFundingCommand.
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([FundingPoolSummary]), ProblemModule.forFeature(fundingProblemMapper)],
  controllers: [FundingPoolsController],
  providers: [...FUNDING_POOL_COMMAND_HANDLERS, ...FUNDING_POOL_QUERY_HANDLERS, FundingPoolReader],
  exports: [FundingPoolReader],
})
export class FundingModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new FundingPoolSummaryProjection());
  }
}
