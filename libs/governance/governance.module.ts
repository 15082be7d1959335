import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { forumsSlice } from './forums/forums.slice.js';
import type { GovernanceSlice } from './governance-slice.js';
import { organisationsSlice } from './organisations/organisations.slice.js';

/** The parts of the governance context. Add meetings, agendas and decisions here, one slice each. */
const SLICES: readonly GovernanceSlice[] = [organisationsSlice, forumsSlice];

/**
 * The governance bounded context: organisations and their departments, forums (mandate, decision rule, members),
 * and what follows them. Exports the readers (OrganisationReader, ForumReader) for other contexts.
 */
@Module({
  imports: [
    CqrsModule,
    ProjectionsModule,
    TypeOrmModule.forFeature(SLICES.flatMap((s) => s.entities)),
    ProblemModule.forFeature(...SLICES.flatMap((s) => s.problemMappers)),
  ],
  controllers: SLICES.flatMap((s) => s.controllers),
  providers: SLICES.flatMap((s) => s.providers),
  exports: SLICES.flatMap((s) => s.exports),
})
export class GovernanceModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    for (const slice of SLICES) for (const projection of slice.projections()) this.projections.register(projection);
  }
}
