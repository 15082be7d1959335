import type { OrganisationCommand } from './commands.js';
import { decideOrganisation } from './decide.js';
import type { OrganisationEvent } from './events.js';
import { evolveOrganisation } from './evolve.js';
import { initialOrganisationState, type OrganisationState } from './organisation-state.js';

/** The organisation aggregate as one value, for the event store's command handler and for given/when/then specs. */
export const organisationDecider = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
} satisfies {
  decide(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[];
  evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState;
  initialState(): OrganisationState;
};
