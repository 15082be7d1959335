import { Injectable, Logger } from '@nestjs/common';
import { ProjectionRuntime, type Projection } from '../../projections/index.js';
import { PersonKeys } from '../store/person-keys.js';

/**
 * Removes an erased person from the read models. Read models hold what projections read, decrypted; with the key
 * gone, a rebuild reads the person as erased. Rebuilt are the read models built from event types that have carried
 * personal data (recorded by the event store on append), one after the other, each while its live tables keep
 * answering. No projection needs to know about erasure.
 */
@Injectable()
export class ReadModelScrubber {
  private readonly logger = new Logger('PersonalData');

  constructor(
    private readonly runtime: ProjectionRuntime,
    private readonly keys: PersonKeys,
  ) {}

  /** The projections whose tables may hold personal data. */
  async affected(): Promise<Projection[]> {
    const types = new Set(await this.keys.typesCarryingPersonalData());
    return this.runtime.registered().filter((p) => p.tables.length > 0 && p.handles.some((type) => types.has(type)));
  }

  async scrub(): Promise<string[]> {
    const projections = await this.affected();
    for (const projection of projections) await this.runtime.rebuild(projection.name);
    const names = projections.map((p) => p.name);
    this.logger.log({ msg: 'read models rebuilt after an erasure', projections: names });
    return names;
  }
}
