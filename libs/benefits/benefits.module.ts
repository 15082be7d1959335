import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GovernanceModule } from '../governance/governance.module.js';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { ExecuteBusinessCaseHandler } from './application/business-case-command.handler.js';
import { REALISATION_QUERY_HANDLERS } from './application/realisation-queries.js';
import { benefitsProblemMapper } from './http/benefits-problem.mapper.js';
import { BusinessCasesController, RealisationController } from './http/business-cases.controller.js';
import { BusinessCaseFacts } from './read-models/business-case-facts.entity.js';
import { BusinessCaseFactsProjection } from './read-models/business-case-facts.projection.js';

/**
 * The benefits bounded context (gevinstrealisering): business cases per project, benefits with owner, baseline, plan
 * and measurements (corrections as new events), realisation reports as of any day and as known at any instant, and
 * the overdue follow-ups.
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, GovernanceModule, TypeOrmModule.forFeature([BusinessCaseFacts]), ProblemModule.forFeature(benefitsProblemMapper)],
  controllers: [BusinessCasesController, RealisationController],
  providers: [ExecuteBusinessCaseHandler, ...REALISATION_QUERY_HANDLERS],
})
export class BenefitsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new BusinessCaseFactsProjection());
  }
}
