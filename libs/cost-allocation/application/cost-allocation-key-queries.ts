import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import { CostAllocationKeyNotFound, splitCost, type CostSplit, type IsoDate } from '../domain/index.js';
import { listCostAllocationKeys, type CostAllocationKeyListPage, type CostAllocationKeyListQuery } from '../read-models/cost-allocation-key-list.query.js';
import { costAllocationKeyStream } from './cost-allocation-key-commands.js';
import { foldCostAllocationKey, foldCostAllocationKeyView, type CostAllocationKeyView } from './cost-allocation-key-view.js';

/** A key read from its own stream: always current. */
export class GetCostAllocationKeyQuery extends Query<CostAllocationKeyView> {
  constructor(
    readonly keyId: string,
    readonly organisationId: string,
  ) {
    super();
  }
}

/** Splits an amount on a day by the key's terms in force then; changes nothing. */
export class SplitCostQuery extends Query<CostSplit> {
  constructor(
    readonly keyId: string,
    readonly organisationId: string,
    readonly amount: Money,
    readonly on: IsoDate,
  ) {
    super();
  }
}

export class ListCostAllocationKeysQuery extends Query<CostAllocationKeyListPage> {
  constructor(readonly criteria: CostAllocationKeyListQuery) {
    super();
  }
}

@QueryHandler(GetCostAllocationKeyQuery)
export class GetCostAllocationKeyHandler implements IQueryHandler<GetCostAllocationKeyQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetCostAllocationKeyQuery): Promise<CostAllocationKeyView> {
    const key = foldCostAllocationKeyView(await this.store.readStream(costAllocationKeyStream(q.keyId)));
    if (!key || key.organisationId !== q.organisationId) throw new CostAllocationKeyNotFound(q.keyId);
    return key;
  }
}

@QueryHandler(SplitCostQuery)
export class SplitCostHandler implements IQueryHandler<SplitCostQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: SplitCostQuery): Promise<CostSplit> {
    const key = foldCostAllocationKey(await this.store.readStream(costAllocationKeyStream(q.keyId)));
    if (key.status === 'none' || key.organisationId !== q.organisationId) throw new CostAllocationKeyNotFound(q.keyId);
    return splitCost(key, q.amount, q.on);
  }
}

@QueryHandler(ListCostAllocationKeysQuery)
export class ListCostAllocationKeysHandler implements IQueryHandler<ListCostAllocationKeysQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListCostAllocationKeysQuery): Promise<CostAllocationKeyListPage> {
    return listCostAllocationKeys(this.dataSource, q.criteria);
  }
}

export const COST_ALLOCATION_KEY_QUERY_HANDLERS = [GetCostAllocationKeyHandler, SplitCostHandler, ListCostAllocationKeysHandler];
