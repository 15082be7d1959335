import { Injectable } from '@nestjs/common';
import type { Money } from '../../../../shared-kernel/money.js';

/**
 * A funding pool's balance, as the agenda pack records it (Herning attaches the development pool's balance to every
 * agenda). Bound to the funding context's pool reader; the default adapter (NoFundingPools) answers null.
 *
 * Bind a real implementation by replacing the provider of `FUNDING_POOL_PORT` in MeetingsAgendasModule, e.g.
 * `{ provide: FUNDING_POOL_PORT, useExisting: FundingPoolReader }` (and import the module that provides it).
 */
export const FUNDING_POOL_PORT = Symbol('FUNDING_POOL_PORT');

export interface FundingPoolBalanceView {
  readonly poolId: string;
  readonly year: number;
  readonly amount: Money;
  readonly committed: Money;
  /** amount - committed; negative when over-committed. */
  readonly available: Money;
}

export interface FundingPoolPort {
  /** The pool's balance now; null when the organisation has no such pool. */
  balance(organisationId: string, poolId: string): Promise<FundingPoolBalanceView | null>;
}

/** The default: no funding context is bound, so no pool exists. */
@Injectable()
export class NoFundingPools implements FundingPoolPort {
  async balance(): Promise<FundingPoolBalanceView | null> {
    return null;
  }
}
