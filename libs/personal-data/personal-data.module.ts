import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { ErasePersonalDataHandler } from './application/erase-personal-data.handler.js';
import { ErasureFollowUpProcess } from './application/erasure-follow-up.process.js';
import { PERSON_KEYS_PROVIDER } from './application/person-keys.provider.js';
import { FindPersonByEmailHandler, GetPersonHandler } from './application/personal-data-queries.js';
import { ReadModelScrubber } from './application/read-model-scrubber.js';
import { PeopleController } from './http/people.controller.js';
import { personalDataProblemMapper } from './http/personal-data-problem.mapper.js';
import { PersonKeys } from './store/person-keys.js';

/**
 * Personal data in the log: encrypted per person by the event store decorator (wired in DatabaseModule), erased by
 * deleting the person's key (crypto-shredding), with the erasure audited and the read models rebuilt without it.
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, ProblemModule.forFeature(personalDataProblemMapper)],
  controllers: [PeopleController],
  providers: [PERSON_KEYS_PROVIDER, ErasePersonalDataHandler, FindPersonByEmailHandler, GetPersonHandler, ReadModelScrubber],
})
export class PersonalDataModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRuntime,
    private readonly keys: PersonKeys,
    private readonly scrubber: ReadModelScrubber,
  ) {}

  onModuleInit(): void {
    this.projections.register(new ErasureFollowUpProcess(this.keys, this.scrubber));
  }
}
