import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { ProposalNotFound } from '../domain/index.js';
import { listProposals, type ProposalListPage, type ProposalListQuery } from '../read-models/proposal-list.query.js';
import { proposalStream } from './proposal-decider.js';
import { proposalHistory, type ProposalHistoryEntry } from './proposal-history.js';
import { foldProposalView, type ProposalView } from './proposal-view.js';

/** A proposal read from its own stream: always current, or as of a version. */
export class GetProposalQuery extends Query<ProposalView> {
  constructor(readonly proposalId: string, readonly organisationId: string, readonly asOfVersion?: number) {
    super();
  }
}

export class GetProposalHistoryQuery extends Query<ProposalHistoryEntry[]> {
  constructor(readonly proposalId: string, readonly organisationId: string) {
    super();
  }
}

export class ListProposalsQuery extends Query<ProposalListPage> {
  constructor(readonly criteria: ProposalListQuery) {
    super();
  }
}

@QueryHandler(GetProposalQuery)
export class GetProposalHandler implements IQueryHandler<GetProposalQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProposalQuery): Promise<ProposalView> {
    const view = foldProposalView(await this.store.readStream(proposalStream(q.proposalId), { toVersion: q.asOfVersion }));
    // another organisation's proposal, or a version it never had, is not found: existence is not revealed
    if (!view || view.organisationId !== q.organisationId) throw new ProposalNotFound(q.proposalId);
    if (q.asOfVersion !== undefined && view.version < q.asOfVersion) throw new ProposalNotFound(q.proposalId);
    return view;
  }
}

@QueryHandler(GetProposalHistoryQuery)
export class GetProposalHistoryHandler implements IQueryHandler<GetProposalHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProposalHistoryQuery): Promise<ProposalHistoryEntry[]> {
    const events = await this.store.readStream(proposalStream(q.proposalId));
    const owner = (events[0]?.data as { organisationId?: string } | undefined)?.organisationId;
    if (events.length === 0 || owner !== q.organisationId) throw new ProposalNotFound(q.proposalId);
    return proposalHistory(events);
  }
}

@QueryHandler(ListProposalsQuery)
export class ListProposalsHandler implements IQueryHandler<ListProposalsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListProposalsQuery): Promise<ProposalListPage> {
    return listProposals(this.dataSource, q.criteria);
  }
}

export const PROPOSAL_QUERY_HANDLERS = [GetProposalHandler, GetProposalHistoryHandler, ListProposalsHandler];
