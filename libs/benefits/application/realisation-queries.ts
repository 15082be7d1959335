import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import {
  BusinessCaseNotFound,
  overdueFollowUps,
  projectRealisation,
  totalsByCurrency,
  type FollowUpItem,
  type ProjectRealisation,
  type ReportTime,
} from '../domain/index.js';
import { BusinessCaseFacts } from '../read-models/business-case-facts.entity.js';
import { businessCaseStream } from './business-case-stream.js';
import { foldBusinessCaseView, type BusinessCaseView } from './business-case-view.js';

export interface RealisationScope {
  readonly organisationId: string;
  readonly forumId?: string;
  readonly projectId?: string;
}

export interface RealisationReport extends ReportTime {
  readonly scope: { readonly forumId: string | null; readonly projectId: string | null };
  readonly totals: ReturnType<typeof totalsByCurrency>;
  readonly projects: readonly ProjectRealisation[];
}

/** A business case read from its stream: always current, or as known at an instant. */
export class GetBusinessCaseQuery extends Query<BusinessCaseView> {
  constructor(readonly organisationId: string, readonly projectId: string, readonly knownAt?: string) {
    super();
  }
}

export class RealisationReportQuery extends Query<RealisationReport> {
  constructor(readonly scope: RealisationScope, readonly time: ReportTime) {
    super();
  }
}

export class FollowUpsQuery extends Query<FollowUpItem[]> {
  constructor(readonly scope: RealisationScope, readonly time: ReportTime) {
    super();
  }
}

/** Every project's realisation in scope, as of the report time; the forum is the one following it up then. */
async function realisations(dataSource: DataSource, scope: RealisationScope, time: ReportTime): Promise<ProjectRealisation[]> {
  const where = { organisationId: scope.organisationId, ...(scope.projectId !== undefined && { projectId: scope.projectId }) };
  const rows = await dataSource.getRepository(BusinessCaseFacts).find({ where, order: { projectId: 'ASC' } });
  return rows
    .map((row) => projectRealisation(row.facts, time))
    .filter((r): r is ProjectRealisation => r !== null && (scope.forumId === undefined || r.forumId === scope.forumId));
}

@QueryHandler(GetBusinessCaseQuery)
export class GetBusinessCaseHandler implements IQueryHandler<GetBusinessCaseQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetBusinessCaseQuery) {
    const view = foldBusinessCaseView(await this.store.readStream(businessCaseStream(q.projectId)), q.knownAt);
    if (!view || view.organisationId !== q.organisationId) throw new BusinessCaseNotFound(q.projectId);
    return view;
  }
}

@QueryHandler(RealisationReportQuery)
export class RealisationReportHandler implements IQueryHandler<RealisationReportQuery> {
  constructor(private readonly dataSource: DataSource) {}
  async execute(q: RealisationReportQuery): Promise<RealisationReport> {
    const projects = await realisations(this.dataSource, q.scope, q.time);
    if (q.scope.projectId !== undefined && projects.length === 0 && q.scope.forumId === undefined) throw new BusinessCaseNotFound(q.scope.projectId);
    return { ...q.time, scope: { forumId: q.scope.forumId ?? null, projectId: q.scope.projectId ?? null }, totals: totalsByCurrency(projects), projects };
  }
}

@QueryHandler(FollowUpsQuery)
export class FollowUpsHandler implements IQueryHandler<FollowUpsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  async execute(q: FollowUpsQuery) {
    return overdueFollowUps(await realisations(this.dataSource, q.scope, q.time), q.time.asOf);
  }
}

export const REALISATION_QUERY_HANDLERS = [GetBusinessCaseHandler, RealisationReportHandler, FollowUpsHandler];
