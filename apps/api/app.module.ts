import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule } from '../../libs/database/database.module.js';
import { FundingModule } from '../../libs/funding/funding.module.js';
import { FUNDING_MIGRATIONS } from '../../libs/funding/migrations.js';
import { DECISIONS_MIGRATIONS } from '../../libs/governance/decisions.migrations.js';
import { DecisionsModule } from '../../libs/governance/decisions.module.js';
import { GovernanceModule } from '../../libs/governance/governance.module.js';
import { GOVERNANCE_MIGRATIONS } from '../../libs/governance/migrations.js';
import { MEETINGS_AGENDAS_MIGRATIONS } from '../../libs/governance/meetings-agendas.migrations.js';
import { MeetingsAgendasModule } from '../../libs/governance/meetings-agendas.module.js';
import { HttpIdempotency1795596000000, PlatformModule, type PlatformConfig } from '../../libs/platform/index.js';
import { PRIORITISATION_MIGRATIONS } from '../../libs/prioritisation/migrations.js';
import { PrioritisationModule } from '../../libs/prioritisation/prioritisation.module.js';
import { ProjectionCheckpoints1764057600000 } from '../../libs/projections/index.js';
import { PROPOSAL_MIGRATIONS } from '../../libs/proposals/migrations.js';
import { ProposalsModule } from '../../libs/proposals/proposals.module.js';

/** Every read-model and platform migration, in the order they were written. */
export const MIGRATIONS = [ProjectionCheckpoints1764057600000, ...PROPOSAL_MIGRATIONS, HttpIdempotency1795596000000, ...GOVERNANCE_MIGRATIONS, ...MEETINGS_AGENDAS_MIGRATIONS, ...PRIORITISATION_MIGRATIONS, ...FUNDING_MIGRATIONS, ...DECISIONS_MIGRATIONS];

/** The HTTP service: the platform, the database, and one module per bounded context. */
@Module({})
export class AppModule {
  static forRoot(config?: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config }), DatabaseModule.forRoot(MIGRATIONS), ProposalsModule, GovernanceModule, MeetingsAgendasModule, PrioritisationModule, FundingModule, DecisionsModule],
    };
  }
}
