import { Module, type DynamicModule } from '@nestjs/common';
import { BENEFITS_MIGRATIONS } from '../../libs/benefits/migrations.js';
import { BenefitsModule } from '../../libs/benefits/benefits.module.js';
import { AuditModule } from '../../libs/audit/audit.module.js';
import { AUDIT_MIGRATIONS } from '../../libs/audit/migrations.js';
import { CostAllocationModule } from '../../libs/cost-allocation/cost-allocation.module.js';
import { COST_ALLOCATION_MIGRATIONS } from '../../libs/cost-allocation/migrations.js';
import { CollaborationsModule } from '../../libs/collaborations/collaborations.module.js';
import { COLLABORATION_MIGRATIONS } from '../../libs/collaborations/migrations.js';
import { DatabaseModule } from '../../libs/database/database.module.js';
import { FundingModule } from '../../libs/funding/funding.module.js';
import { FUNDING_MIGRATIONS } from '../../libs/funding/migrations.js';
import { DECISIONS_MIGRATIONS } from '../../libs/governance/decisions.migrations.js';
import { DecisionsModule } from '../../libs/governance/decisions.module.js';
import { GovernanceModule } from '../../libs/governance/governance.module.js';
import { GOVERNANCE_MIGRATIONS } from '../../libs/governance/migrations.js';
import { MEETINGS_AGENDAS_MIGRATIONS } from '../../libs/governance/meetings-agendas.migrations.js';
import { MeetingsAgendasModule } from '../../libs/governance/meetings-agendas.module.js';
import { IntegrityModule } from '../../libs/integrity/integrity.module.js';
import { AccessModule } from '../../libs/platform/auth/access.module.js';
import { HttpIdempotency1795596000000, PlatformModule, type PlatformConfig } from '../../libs/platform/index.js';
import { PERSONAL_DATA_MIGRATIONS } from '../../libs/personal-data/migrations.js';
import { PersonalDataModule } from '../../libs/personal-data/personal-data.module.js';
import { PRIORITISATION_MIGRATIONS } from '../../libs/prioritisation/migrations.js';
import { PrioritisationModule } from '../../libs/prioritisation/prioritisation.module.js';
import { ProjectionCheckpoints1764057600000 } from '../../libs/projections/index.js';
import { PROPOSAL_MIGRATIONS } from '../../libs/proposals/migrations.js';
import { ProposalsModule } from '../../libs/proposals/proposals.module.js';
import { RESOURCES_MIGRATIONS } from '../../libs/resources/migrations.js';
import { ResourcesModule } from '../../libs/resources/resources.module.js';
import { TIME_TRAVEL_MIGRATIONS } from '../../libs/time-travel/migrations.js';
import { TimeTravelModule } from '../../libs/time-travel/time-travel.module.js';

/** Every read-model and platform migration, in the order they were written. */
export const MIGRATIONS = [ProjectionCheckpoints1764057600000, ...PROPOSAL_MIGRATIONS, HttpIdempotency1795596000000, ...GOVERNANCE_MIGRATIONS, ...MEETINGS_AGENDAS_MIGRATIONS, ...PRIORITISATION_MIGRATIONS, ...FUNDING_MIGRATIONS, ...COST_ALLOCATION_MIGRATIONS, ...DECISIONS_MIGRATIONS, ...AUDIT_MIGRATIONS, ...TIME_TRAVEL_MIGRATIONS, ...RESOURCES_MIGRATIONS, ...BENEFITS_MIGRATIONS, ...COLLABORATION_MIGRATIONS, ...PERSONAL_DATA_MIGRATIONS];

/** The HTTP service: the platform, the database, and one module per bounded context. */
@Module({})
export class AppModule {
  static forRoot(config?: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config }), DatabaseModule.forRoot(MIGRATIONS), ProposalsModule, GovernanceModule, MeetingsAgendasModule, PrioritisationModule, FundingModule, CostAllocationModule, DecisionsModule, AuditModule, TimeTravelModule, AccessModule, ResourcesModule, BenefitsModule, IntegrityModule, CollaborationsModule, PersonalDataModule],
    };
  }
}
