import type { Decider } from '../../../event-store/index.js';
import {
  organisationDecider as domainDecider,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
} from '../../domain/organisations/index.js';

/** The organisation aggregate as the event store's command handler takes it. */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = domainDecider;

/** One stream per organisation, named by the organisation's id (a slug). */
export const organisationStream = (organisationId: string) => `organisation-${organisationId}`;
