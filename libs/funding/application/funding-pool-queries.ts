import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { CommitmentNotFound, FundingPoolNotFound } from '../domain/index.js';
import { listFundingPools, type FundingPoolListPage, type FundingPoolListQuery } from '../read-models/funding-pool-list.query.js';
import { fundingOverview, type FundingOverviewQuery as OverviewCriteria, type FundingYear } from '../read-models/funding-overview.query.js';
import { fundingPoolStream } from './funding-pool-id.js';
import { foldFundingPoolView, type CommitmentView, type FundingPoolView } from './funding-pool-view.js';

/** A pool read from its own stream: always current. */
export class GetFundingPoolQuery extends Query<FundingPoolView> {
  constructor(readonly poolId: string, readonly organisationId: string) {
    super();
  }
}

export class GetCommitmentQuery extends Query<CommitmentView> {
  constructor(readonly poolId: string, readonly organisationId: string, readonly commitmentId: string) {
    super();
  }
}

export class ListFundingPoolsQuery extends Query<FundingPoolListPage> {
  constructor(readonly criteria: FundingPoolListQuery) {
    super();
  }
}

/** The pools' money by year and investment area, from the read model. */
export class FundingOverviewQuery extends Query<FundingYear[]> {
  constructor(readonly criteria: OverviewCriteria) {
    super();
  }
}

async function poolOf(store: EventStore, organisationId: string, poolId: string): Promise<FundingPoolView> {
  const pool = foldFundingPoolView(await store.readStream(fundingPoolStream(poolId)));
  if (!pool || pool.organisationId !== organisationId) throw new FundingPoolNotFound(poolId);
  return pool;
}

@QueryHandler(GetFundingPoolQuery)
export class GetFundingPoolHandler implements IQueryHandler<GetFundingPoolQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(q: GetFundingPoolQuery): Promise<FundingPoolView> {
    return poolOf(this.store, q.organisationId, q.poolId);
  }
}

@QueryHandler(GetCommitmentQuery)
export class GetCommitmentHandler implements IQueryHandler<GetCommitmentQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetCommitmentQuery): Promise<CommitmentView> {
    const pool = await poolOf(this.store, q.organisationId, q.poolId);
    const commitment = pool.commitments.find((c) => c.commitmentId === q.commitmentId);
    if (!commitment) throw new CommitmentNotFound(q.poolId, q.commitmentId);
    return commitment;
  }
}

@QueryHandler(ListFundingPoolsQuery)
export class ListFundingPoolsHandler implements IQueryHandler<ListFundingPoolsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListFundingPoolsQuery): Promise<FundingPoolListPage> {
    return listFundingPools(this.dataSource, q.criteria);
  }
}

@QueryHandler(FundingOverviewQuery)
export class FundingOverviewHandler implements IQueryHandler<FundingOverviewQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: FundingOverviewQuery): Promise<FundingYear[]> {
    return fundingOverview(this.dataSource, q.criteria);
  }
}

export const FUNDING_POOL_QUERY_HANDLERS = [GetFundingPoolHandler, GetCommitmentHandler, ListFundingPoolsHandler, FundingOverviewHandler];
