import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/index.js';
import {
  CollaborationEventType,
  feesForYear,
  InvalidCollaborationRequest,
  membersOn,
  participantsOn,
  ProjectNotFound,
  settlementFor,
  SettlementNotIssued,
  type HoursEntry,
  type Project,
  type ProjectCost,
  type SettlementStatement,
  type YearFees,
} from '../domain/index.js';
import { listCollaborations, type CollaborationListPage, type CollaborationListQuery } from '../read-models/collaboration-list.query.js';
import { requireParty } from './access.js';
import { collaborationStream, foldCollaboration } from './collaboration-stream.js';
import { loadCollaboration, toCollaborationView, type CollaborationView, type LoadedCollaboration } from './collaboration-view.js';

/** The collaboration read from its stream (always current), for a party to it; anyone else gets "not found". */
async function loadFor(store: EventStore, collaborationId: string, organisationId: string): Promise<LoadedCollaboration> {
  const events = await store.readStream(collaborationStream(collaborationId));
  requireParty(foldCollaboration(events), collaborationId, organisationId);
  return loadCollaboration(events)!;
}

export class GetCollaborationQuery extends Query<CollaborationView> {
  constructor(readonly collaborationId: string, readonly organisationId: string) {
    super();
  }
}

@QueryHandler(GetCollaborationQuery)
export class GetCollaborationHandler implements IQueryHandler<GetCollaborationQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetCollaborationQuery): Promise<CollaborationView> {
    return toCollaborationView(await loadFor(this.store, q.collaborationId, q.organisationId));
  }
}

export interface MembersOnView {
  readonly on: string;
  readonly members: readonly {
    readonly organisationId: string;
    /** Projects it opted out of: repeated opt-outs are a matter for the steering group (4K, seed 001 p. 28). */
    readonly optOuts: number;
  }[];
  readonly version: number;
}

export class GetMembersOnQuery extends Query<MembersOnView> {
  constructor(readonly collaborationId: string, readonly organisationId: string, readonly on: string) {
    super();
  }
}

@QueryHandler(GetMembersOnQuery)
export class GetMembersOnHandler implements IQueryHandler<GetMembersOnQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetMembersOnQuery): Promise<MembersOnView> {
    const { collaboration: c } = await loadFor(this.store, q.collaborationId, q.organisationId);
    const optOuts = (organisationId: string) => c.projects.filter((p) => p.optedOut.some((o) => o.organisationId === organisationId)).length;
    return { on: q.on, members: membersOn(c, q.on).map((organisationId) => ({ organisationId, optOuts: optOuts(organisationId) })), version: c.version };
  }
}

export class GetFeesQuery extends Query<YearFees & { version: number }> {
  constructor(readonly collaborationId: string, readonly organisationId: string, readonly year: number) {
    super();
  }
}

@QueryHandler(GetFeesQuery)
export class GetFeesHandler implements IQueryHandler<GetFeesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetFeesQuery) {
    const { collaboration: c } = await loadFor(this.store, q.collaborationId, q.organisationId);
    return { ...feesForYear(c, q.year), version: c.version };
  }
}

export interface ProjectView extends Project {
  /** Who takes part on `on`. */
  readonly participantsOn: { readonly on: string; readonly participants: readonly string[] };
  readonly costs: readonly ProjectCost[];
  readonly hours: readonly (Omit<HoursEntry, 'hundredths'> & { readonly hours: number })[];
  /** The collaboration's version (the ETag for If-Match on the project's changes). */
  readonly version: number;
}

export class GetProjectQuery extends Query<ProjectView> {
  constructor(readonly collaborationId: string, readonly organisationId: string, readonly projectId: string, readonly on: string) {
    super();
  }
}

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProjectQuery): Promise<ProjectView> {
    const { collaboration: c } = await loadFor(this.store, q.collaborationId, q.organisationId);
    return projectView(c, q.projectId, q.on);
  }
}

export function projectView(c: LoadedCollaboration['collaboration'], projectId: string, on: string): ProjectView {
  const project = c.projects.find((p) => p.projectId === projectId);
  if (!project) throw new ProjectNotFound(c.collaborationId, projectId);
  return {
    ...project,
    participantsOn: { on, participants: participantsOn(c, project, on) },
    costs: c.costs.filter((x) => x.projectId === projectId),
    hours: c.hours.filter((h) => h.projectId === projectId).map(({ hundredths, ...h }) => ({ ...h, hours: hundredths / 100 })),
    version: c.version,
  };
}

/** A settlement as issued: the statement stored in the event, never recomputed. */
export interface IssuedSettlementView {
  readonly year: number;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly basedOnVersion: number;
  readonly statement: SettlementStatement;
}

export class GetIssuedSettlementQuery extends Query<IssuedSettlementView> {
  constructor(readonly collaborationId: string, readonly organisationId: string, readonly year: number) {
    super();
  }
}

@QueryHandler(GetIssuedSettlementQuery)
export class GetIssuedSettlementHandler implements IQueryHandler<GetIssuedSettlementQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetIssuedSettlementQuery): Promise<IssuedSettlementView> {
    const { events } = await loadFor(this.store, q.collaborationId, q.organisationId);
    const issued = events.find((e) => e.type === CollaborationEventType.SettlementIssued && (e.data as { year: number }).year === q.year);
    if (!issued) throw new SettlementNotIssued(q.collaborationId, q.year);
    return issuedSettlementView(issued);
  }
}

export function issuedSettlementView(e: RecordedEvent): IssuedSettlementView {
  const { year, basedOnVersion, statement } = e.data as { year: number; basedOnVersion: number; statement: SettlementStatement };
  return { year, issuedAt: e.recordedAt.toISOString(), issuedBy: e.metadata.actor.subject, basedOnVersion, statement };
}

/** A statement computed from the log as it stood at a moment: what would have been issued then. */
export interface StatementAsOfView {
  readonly year: number;
  readonly asOf: string;
  /** The collaboration's version as of that moment: the events the statement rests on. */
  readonly version: number;
  readonly statement: SettlementStatement;
}

export class GetStatementAsOfQuery extends Query<StatementAsOfView> {
  constructor(readonly collaborationId: string, readonly organisationId: string, readonly year: number, readonly asOf: Date) {
    super();
  }
}

@QueryHandler(GetStatementAsOfQuery)
export class GetStatementAsOfHandler implements IQueryHandler<GetStatementAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetStatementAsOfQuery): Promise<StatementAsOfView> {
    const { events } = await loadFor(this.store, q.collaborationId, q.organisationId);
    // the stream's events are recorded in order, so those up to the moment are a prefix of it
    const upTo = events.filter((e) => e.recordedAt.getTime() <= q.asOf.getTime());
    const state = foldCollaboration(upTo);
    if (state.status === 'none') throw new InvalidCollaborationRequest('asOf', 'is before the collaboration was established');
    return { year: q.year, asOf: q.asOf.toISOString(), version: upTo.length, statement: settlementFor(state, q.year) };
  }
}

export class ListCollaborationsQuery extends Query<CollaborationListPage> {
  constructor(readonly criteria: CollaborationListQuery) {
    super();
  }
}

@QueryHandler(ListCollaborationsQuery)
export class ListCollaborationsHandler implements IQueryHandler<ListCollaborationsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListCollaborationsQuery): Promise<CollaborationListPage> {
    return listCollaborations(this.dataSource, q.criteria);
  }
}

export const COLLABORATION_QUERY_HANDLERS = [
  GetCollaborationHandler,
  GetMembersOnHandler,
  GetFeesHandler,
  GetProjectHandler,
  GetIssuedSettlementHandler,
  GetStatementAsOfHandler,
  ListCollaborationsHandler,
];
