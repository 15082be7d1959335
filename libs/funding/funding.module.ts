import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { FUNDING_POOL_COMMAND_HANDLERS } from './application/funding-pool-command.handlers.js';
import { FUNDING_POOL_QUERY_HANDLERS } from './application/funding-pool-queries.js';
import { FundingPoolReader } from './application/funding-pool.reader.js';
import { PAYBACK_AGREEMENT_COMMAND_HANDLERS } from './application/payback-agreement-command.handlers.js';
import { PAYBACK_AGREEMENT_QUERY_HANDLERS } from './application/payback-agreement-queries.js';
import { fundingProblemMapper } from './http/funding-problem.mapper.js';
import { FundingPoolsController } from './http/funding-pools.controller.js';
import { PaybackAgreementsController, PoolPaybackAgreementsController } from './http/payback-agreements.controller.js';
import { FundingPoolSummary } from './read-models/funding-pool-summary.entity.js';
import { FundingPoolSummaryProjection } from './read-models/funding-pool-summary.projection.js';
import { PaybackAgreementRow } from './read-models/payback-agreement-row.entity.js';
import { PaybackAgreementsProjection } from './read-models/payback-agreements.projection.js';

/**
 * The funding bounded context: forums' development pools by year and investment area, commitments to proposals
 * (development only), payback agreements (efficiency principle) whose payments flow back into the balance.
 * Exports FundingPoolReader for the agenda freeze; the decisions context commits money with CommitFundingCommand
 * and can conclude a payback agreement on an approval with ConcludePaybackAgreementCommand.
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([FundingPoolSummary, PaybackAgreementRow]), ProblemModule.forFeature(fundingProblemMapper)],
  controllers: [FundingPoolsController, PoolPaybackAgreementsController, PaybackAgreementsController],
  providers: [
    ...FUNDING_POOL_COMMAND_HANDLERS,
    ...FUNDING_POOL_QUERY_HANDLERS,
    ...PAYBACK_AGREEMENT_COMMAND_HANDLERS,
    ...PAYBACK_AGREEMENT_QUERY_HANDLERS,
    FundingPoolReader,
  ],
  exports: [FundingPoolReader],
})
export class FundingModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new FundingPoolSummaryProjection());
    this.projections.register(new PaybackAgreementsProjection());
  }
}
