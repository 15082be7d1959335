import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { identityByEmail, PersonNotFound, personalDataStream } from '../domain/index.js';
import { PersonKeys } from '../store/person-keys.js';
import { FindPersonByEmailQuery, GetPersonQuery, type PersonView } from './personal-data-commands.js';
import { personView } from './person-view.js';

/** By email, within the acting organisation; an erased person is no longer found this way (their identity went with the key). */
@QueryHandler(FindPersonByEmailQuery)
export class FindPersonByEmailHandler implements IQueryHandler<FindPersonByEmailQuery> {
  constructor(private readonly keys: PersonKeys) {}

  async execute(q: FindPersonByEmailQuery): Promise<PersonView | null> {
    const record = await this.keys.findByIdentity(identityByEmail(q.organisationId, q.email));
    return record && personView(record, []);
  }
}

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(
    private readonly keys: PersonKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(q: GetPersonQuery): Promise<PersonView> {
    const record = await this.keys.get(q.personId);
    if (record === null || record.organisationId !== q.organisationId) throw new PersonNotFound(q.personId);
    return personView(record, await this.store.readStream(personalDataStream(q.personId)));
  }
}
