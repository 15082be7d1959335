import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { fundingPoolStream } from '../../funding/application/funding-pool-id.js';
import { foldFundingPoolView, type FundingPoolView } from '../../funding/application/funding-pool-view.js';
import { FundingPoolNotFound } from '../../funding/domain/index.js';
import type { LogPoint } from './log-point.resolver.js';
import { eventsAsOf } from './stream-as-of.js';

/** A pool's balance and commitments as they stood at a point of the log, folded from its stream like the current one. */
@Injectable()
export class FundingPoolAsOf {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(organisationId: string, poolId: string, point: LogPoint): Promise<FundingPoolView> {
    const pool = foldFundingPoolView(eventsAsOf(await this.store.readStream(fundingPoolStream(poolId)), point));
    if (!pool || pool.organisationId !== organisationId) throw new FundingPoolNotFound(poolId);
    return pool;
  }
}
