import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../../event-store/index.js';
import { OrganisationNotFound, type Organisation, type OrganisationEvent } from '../../domain/organisations/index.js';
import { organisationDecider, organisationStream } from './organisation-stream.js';

/** An organisation folded from its stream, with when it was registered and last changed. */
export interface LoadedOrganisation {
  readonly organisation: Organisation;
  /** The stream version: the organisation's ETag. */
  readonly version: number;
  readonly registeredAt: Date;
  readonly updatedAt: Date;
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads organisations from their streams, for this context's handlers and for others (forums check that the
 * organisation and its departments exist). Always current: no read model in between.
 */
@Injectable()
export class OrganisationReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The organisation, or null when it is not registered (or not as of `toVersion`). */
  async find(organisationId: string, options: { readonly toVersion?: number } = {}): Promise<LoadedOrganisation | null> {
    const events = await this.store.readStream(organisationStream(organisationId), { toVersion: options.toVersion });
    let state = organisationDecider.initialState();
    for (const e of events) state = organisationDecider.evolve(state, { type: e.type, data: e.data } as OrganisationEvent);
    if (state.status === 'none') return null;
    return {
      organisation: state,
      version: events[events.length - 1].streamPosition,
      registeredAt: events[0].recordedAt,
      updatedAt: events[events.length - 1].recordedAt,
      events,
    };
  }

  /** The organisation; OrganisationNotFound (404) when it is not registered. */
  async load(organisationId: string, options: { readonly toVersion?: number } = {}): Promise<LoadedOrganisation> {
    const loaded = await this.find(organisationId, options);
    if (!loaded) throw new OrganisationNotFound(organisationId);
    return loaded;
  }
}
