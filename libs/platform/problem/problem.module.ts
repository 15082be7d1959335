import { Module, type DynamicModule } from '@nestjs/common';
import { ProblemMapperRegistry, type ProblemMapper } from './problem-mapper.js';

let registrations = 0;

/** Lets a feature module contribute its domain-error mappers: `imports: [ProblemModule.forFeature(myMapper)]`. */
@Module({})
export class ProblemModule {
  static forFeature(...mappers: ProblemMapper[]): DynamicModule {
    // A unique token per call, so that every feature's registration is instantiated (and none replaces another).
    const token = Symbol(`problem-mappers-${++registrations}`);
    return {
      module: ProblemModule,
      providers: [
        {
          provide: token,
          useFactory: (registry: ProblemMapperRegistry) => registry.register(...mappers),
          inject: [ProblemMapperRegistry],
        },
      ],
    };
  }
}
