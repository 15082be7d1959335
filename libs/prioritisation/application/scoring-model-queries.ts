import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { ScoringModelVersionNotFound } from '../domain/index.js';
import { ScoringModelSummary } from '../read-models/scoring-model-summary.entity.js';
import { loadScoringModel } from './scoring-model-loader.js';
import { foldScoringModelView, type ScoringModelVersionView, type ScoringModelView } from './scoring-model-view.js';

export class GetScoringModelQuery extends Query<ScoringModelView> {
  constructor(readonly modelId: string, readonly organisationId: string) {
    super();
  }
}

export class GetScoringModelVersionQuery extends Query<ScoringModelVersionView> {
  constructor(readonly modelId: string, readonly organisationId: string, readonly version: number) {
    super();
  }
}

/** The models of one forum (from the read model), newest first. */
export class ListForumScoringModelsQuery extends Query<ScoringModelSummary[]> {
  constructor(readonly organisationId: string, readonly forumId: string) {
    super();
  }
}

@QueryHandler(GetScoringModelQuery)
export class GetScoringModelHandler implements IQueryHandler<GetScoringModelQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetScoringModelQuery): Promise<ScoringModelView> {
    const { events } = await loadScoringModel(this.store, q.organisationId, q.modelId);
    return foldScoringModelView(events)!;
  }
}

@QueryHandler(GetScoringModelVersionQuery)
export class GetScoringModelVersionHandler implements IQueryHandler<GetScoringModelVersionQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetScoringModelVersionQuery): Promise<ScoringModelVersionView> {
    const { events } = await loadScoringModel(this.store, q.organisationId, q.modelId);
    const version = foldScoringModelView(events)!.versions[q.version - 1];
    if (!version) throw new ScoringModelVersionNotFound(q.modelId, q.version);
    return version;
  }
}

@QueryHandler(ListForumScoringModelsQuery)
export class ListForumScoringModelsHandler implements IQueryHandler<ListForumScoringModelsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListForumScoringModelsQuery): Promise<ScoringModelSummary[]> {
    return this.dataSource.getRepository(ScoringModelSummary).find({
      where: { organisationId: q.organisationId, forumId: q.forumId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
  }
}

export const SCORING_MODEL_QUERY_HANDLERS = [GetScoringModelHandler, GetScoringModelVersionHandler, ListForumScoringModelsHandler];
