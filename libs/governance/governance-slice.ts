import type { Provider, Type } from '@nestjs/common';
import type { TypeOrmModule } from '@nestjs/typeorm';
import type { ProblemMapper } from '../platform/index.js';
import type { Projection } from '../projections/index.js';

type EntityClassOrSchema = NonNullable<Parameters<typeof TypeOrmModule.forFeature>[0]>[number];

/**
 * One part of the governance context (organisations, forums, and later meetings, agendas, decisions): what it adds
 * to the GovernanceModule. A new part is a new `*.slice.ts` and one line in governance.module.ts.
 */
export interface GovernanceSlice {
  readonly controllers: readonly Type[];
  /** Command and query handlers, readers and other services. */
  readonly providers: readonly Provider[];
  /** Services other parts and contexts may inject (e.g. ForumReader). */
  readonly exports: readonly Type[];
  /** TypeORM entities of its read models. */
  readonly entities: readonly EntityClassOrSchema[];
  readonly problemMappers: readonly ProblemMapper[];
  /** Its projections, registered with the runtime when the module starts. */
  projections(): readonly Projection[];
}
