import type { GovernanceSlice } from '../governance-slice.js';
import { ORGANISATION_COMMAND_HANDLERS } from './application/organisation-command.handlers.js';
import { ORGANISATION_QUERY_HANDLERS } from './application/organisation-queries.js';
import { OrganisationReader } from './application/organisation-reader.js';
import { organisationProblemMapper } from './http/organisation-problem.mapper.js';
import { OrganisationsController } from './http/organisations.controller.js';

/** Organisations and their departments. Read from their streams: no read model yet (no list is needed). */
export const organisationsSlice: GovernanceSlice = {
  controllers: [OrganisationsController],
  providers: [...ORGANISATION_COMMAND_HANDLERS, ...ORGANISATION_QUERY_HANDLERS, OrganisationReader],
  exports: [OrganisationReader],
  entities: [],
  problemMappers: [organisationProblemMapper],
  projections: () => [],
};
