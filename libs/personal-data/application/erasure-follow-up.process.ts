import type { RecordedEvent } from '../../event-store/index.js';
import type { Projection } from '../../projections/index.js';
import { PersonalDataEventType, type PersonalDataErasedData } from '../domain/index.js';
import type { PersonKeys } from '../store/person-keys.js';
import type { ReadModelScrubber } from './read-model-scrubber.js';

/**
 * What follows an erasure, as a process manager (a checkpointed subscription whose effects run before its checkpoint
 * moves): the key is deleted (again: a crash between the event and the deletion must not leave it) and the read
 * models are rebuilt without the person. Both are idempotent, so a repeat after a crash does no harm. A rebuild of
 * this process applies nothing and repeats no effect. It owns no table.
 */
export class ErasureFollowUpProcess implements Projection {
  readonly name = 'personal_data_erasure_follow_up';
  readonly version = 1;
  readonly handles = [PersonalDataEventType.Erased];
  readonly tables: readonly string[] = [];

  constructor(
    private readonly keys: PersonKeys,
    private readonly scrubber: ReadModelScrubber,
  ) {}

  async effects(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) await this.keys.erase((event.data as PersonalDataErasedData).personId);
    await this.scrubber.scrub();
  }

  async apply(): Promise<void> {}
}
