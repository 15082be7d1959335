import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { ScoringModelOfAnotherForum } from './errors.js';
import { scorecardStream } from './prioritisation-streams.js';
import { proposalInOrganisation } from './proposal-in-organisation.js';
import { foldScorecard, modelsUsed, scorecardView, type ScorecardView } from './scorecard-view.js';
import { currentModels, loadScoringModel } from './scoring-model-loader.js';

/** A proposal's scorecard in a forum; `modelId` adds that model's effective scores even when it has none. */
export class GetScorecardQuery extends Query<ScorecardView> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
    readonly forumId: string,
    readonly modelId?: string,
  ) {
    super();
  }
}

@QueryHandler(GetScorecardQuery)
export class GetScorecardHandler implements IQueryHandler<GetScorecardQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(q: GetScorecardQuery): Promise<ScorecardView> {
    await proposalInOrganisation(this.store, q.organisationId, q.proposalId);
    if (q.modelId !== undefined) {
      const { state } = await loadScoringModel(this.store, q.organisationId, q.modelId);
      if (state.forumId !== q.forumId) throw new ScoringModelOfAnotherForum(q.modelId, state.forumId, q.forumId);
    }
    const events = await this.store.readStream(scorecardStream(q.proposalId, q.forumId));
    const used = modelsUsed(foldScorecard(events));
    const ids = q.modelId === undefined ? used : [q.modelId, ...used.filter((id) => id !== q.modelId)];
    return scorecardView(q.proposalId, q.forumId, events, await currentModels(this.store, q.organisationId, ids));
  }
}

export const SCORECARD_QUERY_HANDLERS = [GetScorecardHandler];
