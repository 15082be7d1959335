import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/index.js';
import { AgendaNotFound, frozenRevision } from '../../domain/agendas/index.js';
import { agendaStream } from './agenda-stream.js';
import { foldAgenda, type AgendaRevisionView, type AgendaView } from './agenda-view.js';

/** A frozen revision that does not exist (yet) on an agenda that does. */
export class AgendaRevisionNotFound extends Error {
  constructor(readonly meetingId: string, readonly revision: number) {
    super(`the agenda of meeting ${meetingId} has no frozen revision ${revision}`);
    this.name = 'AgendaRevisionNotFound';
  }
}

/** A meeting's agenda, read from its stream: always current. */
export class GetAgendaQuery extends Query<AgendaView> {
  constructor(readonly meetingId: string, readonly organisationId: string) {
    super();
  }
}

/** One frozen revision of a meeting's agenda: the pack exactly as recorded, and whether its hash still matches. */
export class GetAgendaRevisionQuery extends Query<AgendaRevisionView> {
  constructor(readonly meetingId: string, readonly organisationId: string, readonly revision: number) {
    super();
  }
}

@QueryHandler(GetAgendaQuery)
export class GetAgendaHandler implements IQueryHandler<GetAgendaQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetAgendaQuery): Promise<AgendaView> {
    const folded = foldAgenda(await this.store.readStream(agendaStream(q.meetingId)));
    if (!folded || folded.organisationId !== q.organisationId) throw new AgendaNotFound(q.meetingId);
    return folded.view;
  }
}

@QueryHandler(GetAgendaRevisionQuery)
export class GetAgendaRevisionHandler implements IQueryHandler<GetAgendaRevisionQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetAgendaRevisionQuery): Promise<AgendaRevisionView> {
    const folded = foldAgenda(await this.store.readStream(agendaStream(q.meetingId)));
    if (!folded || folded.organisationId !== q.organisationId) throw new AgendaNotFound(q.meetingId);
    const revision = frozenRevision(folded.state, q.revision) && folded.revisions.find((r) => r.revision === q.revision);
    if (!revision) throw new AgendaRevisionNotFound(q.meetingId, q.revision);
    return revision;
  }
}

export const AGENDA_QUERY_HANDLERS = [GetAgendaHandler, GetAgendaRevisionHandler];
