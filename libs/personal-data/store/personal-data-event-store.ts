import type {
  AppendOptions,
  AppendResult,
  EventStore,
  LogPosition,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../event-store/port/index.js';
import {
  mapPlainPersons,
  personIdentity,
  plainPersonsIn,
  type PlainPerson,
} from '../domain/index.js';
import { encryptPerson } from './person-cipher.js';
import { revealPersons } from './reveal-persons.js';
import type { PersonKeys, PersonSighting } from './person-keys.js';

/**
 * The event store with personal data encrypted: on append every person in an event's data (see personal-data.ts)
 * is encrypted with that person's own key, kept outside the log; every read decrypts, and shows a person whose key
 * was deleted as `{ erased: true }`. The log stores and hashes only ciphertext, so erasing a key never touches it.
 * Metadata (the actor) is left as it is: who did what stays answerable.
 */
export class PersonalDataEventStore implements EventStore {
  /** Event types already recorded as carrying personal data, so the table is written once per type and process. */
  private readonly knownTypes = new Set<string>();

  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonKeys,
  ) {}

  migrate(): Promise<void> {
    return this.inner.migrate();
  }

  async append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const sightings = events.flatMap((event) => plainPersonsIn(event.data).map((person) => sightingOf(event, person)));
    if (sightings.length === 0) return this.inner.append(streamId, events, options);
    const keys = await this.keys.keysFor(sightings);
    const sealed = events.map((event) => {
      const data = mapPlainPersons(event.data, (person) => {
        const { personId, key } = keys.get(sightingOf(event, person).identity)!;
        return encryptPerson(personId, key, person);
      });
      return data === event.data ? event : { ...event, data };
    });
    await this.remember(sealed.filter((event, i) => event !== events[i]).map((event) => event.type));
    return this.inner.append(streamId, sealed, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId, options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    const batch = await this.inner.readAll(options);
    return { ...batch, events: await this.reveal(batch.events) };
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const reveal = (events: RecordedEvent[]) => this.reveal(events);
    return {
      stop: () => inner.stop(),
      poke: () => inner.poke?.(),
      async *[Symbol.asyncIterator]() {
        for await (const batch of inner) yield { ...batch, events: await reveal(batch.events) };
      },
    };
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return revealPersons(this.keys, events);
  }

  private async remember(types: readonly string[]): Promise<void> {
    const unknown = [...new Set(types)].filter((type) => !this.knownTypes.has(type));
    if (unknown.length === 0) return;
    await this.keys.recordTypes(unknown);
    for (const type of unknown) this.knownTypes.add(type);
  }
}

/**
 * The organisation a person belongs to: the acting organisation (the one whose administrator can find and erase
 * them), else the organisation the event's data names, else none (one scope for actors without an organisation).
 */
function sightingOf(event: NewEvent, person: PlainPerson): PersonSighting {
  const data = event.data as { organisationId?: unknown } | null;
  const organisationId = event.metadata.actor.organisationId ?? (typeof data?.organisationId === 'string' ? data.organisationId : '');
  return { organisationId, identity: personIdentity(organisationId, person) };
}
