import type { RecordedEvent } from '../../event-store/index.js';
import { PersonalDataEventType } from '../domain/index.js';
import type { PersonRecord } from '../store/person-keys.js';
import type { PersonView } from './personal-data-commands.js';

/** The person's view from their key record and their erasure stream (empty while their data is kept). */
export function personView(record: PersonRecord, erasureStream: readonly RecordedEvent[]): PersonView {
  const erased = erasureStream.find((event) => event.type === PersonalDataEventType.Erased) ?? null;
  return {
    personId: record.personId,
    erased: erased !== null || record.erasedAt !== null,
    firstSeenAt: record.createdAt.toISOString(),
    erasure: erased && { erasedAt: erased.recordedAt.toISOString(), erasedBy: erased.metadata.actor.subject, reason: erased.metadata.reason ?? null },
  };
}
