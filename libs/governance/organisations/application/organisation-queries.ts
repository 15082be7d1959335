import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrganisationNotFound } from '../../domain/organisations/index.js';
import { OrganisationReader } from './organisation-reader.js';
import { toOrganisationView, type OrganisationView } from './organisation-view.js';

/** An organisation read from its own stream: always current. */
export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(readonly organisationId: string, readonly actingOrganisationId: string) {
    super();
  }
}

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(private readonly reader: OrganisationReader) {}
  async execute(q: GetOrganisationQuery): Promise<OrganisationView> {
    // another organisation is not found: its existence is not revealed
    if (q.organisationId !== q.actingOrganisationId) throw new OrganisationNotFound(q.organisationId);
    return toOrganisationView(await this.reader.load(q.organisationId));
  }
}

export const ORGANISATION_QUERY_HANDLERS = [GetOrganisationHandler];
