import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { findPaybackAgreement, FundingPoolNotFound, PaybackAgreementNotFound, type IsoDate } from '../domain/index.js';
import {
  listPaybackAgreements,
  overdueInstallments,
  type OverdueInstallment,
  type PaybackAgreementListPage,
  type PaybackAgreementListQuery,
} from '../read-models/payback-agreement-list.query.js';
import { fundingPoolStream } from './funding-pool-id.js';
import { foldFundingPool } from './funding-pool-view.js';
import { paybackAgreementView, type PaybackAgreementView } from './payback-agreement-view.js';

/** An agreement read from its pool's stream (always current), its installments judged on `asOf`. */
export class GetPaybackAgreementQuery extends Query<PaybackAgreementView> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    readonly commitmentId: string,
    readonly asOf: IsoDate,
  ) {
    super();
  }
}

export class ListPaybackAgreementsQuery extends Query<PaybackAgreementListPage> {
  constructor(readonly criteria: PaybackAgreementListQuery) {
    super();
  }
}

export class OverduePaybacksQuery extends Query<OverdueInstallment[]> {
  constructor(
    readonly organisationId: string,
    readonly asOf: IsoDate,
    readonly poolId?: string,
  ) {
    super();
  }
}

@QueryHandler(GetPaybackAgreementQuery)
export class GetPaybackAgreementHandler implements IQueryHandler<GetPaybackAgreementQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetPaybackAgreementQuery): Promise<PaybackAgreementView> {
    const events = await this.store.readStream(fundingPoolStream(q.poolId));
    const pool = foldFundingPool(events);
    if (pool.status === 'none' || pool.organisationId !== q.organisationId) throw new FundingPoolNotFound(q.poolId);
    const agreement = findPaybackAgreement(pool, q.commitmentId);
    if (!agreement) throw new PaybackAgreementNotFound(q.poolId, q.commitmentId);
    return paybackAgreementView(pool, agreement, events, q.asOf);
  }
}

@QueryHandler(ListPaybackAgreementsQuery)
export class ListPaybackAgreementsHandler implements IQueryHandler<ListPaybackAgreementsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListPaybackAgreementsQuery): Promise<PaybackAgreementListPage> {
    return listPaybackAgreements(this.dataSource, q.criteria);
  }
}

@QueryHandler(OverduePaybacksQuery)
export class OverduePaybacksHandler implements IQueryHandler<OverduePaybacksQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: OverduePaybacksQuery): Promise<OverdueInstallment[]> {
    return overdueInstallments(this.dataSource, q.organisationId, q.asOf, q.poolId);
  }
}

export const PAYBACK_AGREEMENT_QUERY_HANDLERS = [GetPaybackAgreementHandler, ListPaybackAgreementsHandler, OverduePaybacksHandler];
