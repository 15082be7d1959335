import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import { poolBalance } from '../domain/index.js';
import { fundingPoolStream } from './funding-pool-id.js';
import { foldFundingPool } from './funding-pool-view.js';

/** A pool's balance as a forum's agenda shows it (seed 002 p. 19). Plain JSON, to be frozen as it is. */
export interface FundingPoolBalance {
  readonly poolId: string;
  readonly year: number;
  readonly amount: Money;
  /** The sum of active commitments. */
  readonly committed: Money;
  /** Payback payments received (efficiency principle). */
  readonly paidBack: Money;
  /** amount - committed + paidBack; never negative. */
  readonly available: Money;
}

/** The application service that reads a pool's balance from its own stream: always current, for frozen agenda packs. */
@Injectable()
export class FundingPoolReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Null when the organisation has no such pool (none, or another organisation's). */
  async balance(organisationId: string, poolId: string): Promise<FundingPoolBalance | null> {
    const pool = foldFundingPool(await this.store.readStream(fundingPoolStream(poolId)));
    if (pool.status === 'none' || pool.organisationId !== organisationId) return null;
    const { amount, committed, paidBack, available } = poolBalance(pool);
    return { poolId: pool.poolId, year: pool.year, amount, committed, paidBack, available };
  }
}
