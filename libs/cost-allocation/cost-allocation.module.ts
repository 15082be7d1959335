import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { COST_ALLOCATION_KEY_COMMAND_HANDLERS } from './application/cost-allocation-key-command.handlers.js';
import { COST_ALLOCATION_KEY_QUERY_HANDLERS } from './application/cost-allocation-key-queries.js';
import { costAllocationProblemMapper } from './http/cost-allocation-problem.mapper.js';
import { CostAllocationKeysController } from './http/cost-allocation-keys.controller.js';
import { CostAllocationKeySummary } from './read-models/cost-allocation-key-summary.entity.js';
import { CostAllocationKeySummaryProjection } from './read-models/cost-allocation-key-summary.projection.js';

/** The cost allocation bounded context: keys with dated terms, and splits of an amount by the key in force on a day. */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([CostAllocationKeySummary]), ProblemModule.forFeature(costAllocationProblemMapper)],
  controllers: [CostAllocationKeysController],
  providers: [...COST_ALLOCATION_KEY_COMMAND_HANDLERS, ...COST_ALLOCATION_KEY_QUERY_HANDLERS],
})
export class CostAllocationModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new CostAllocationKeySummaryProjection());
  }
}
