import { Injectable } from '@nestjs/common';
import { FundingPoolReader } from '../../../../funding/application/funding-pool.reader.js';
import { FundingPoolNotFound } from '../../../../funding/domain/index.js';
import type { FundingPoolBalanceView, FundingPoolPort } from '../ports/funding-pool.port.js';

/**
 * Binds the agenda pack's pool port to the funding context. An unknown pool (or another organisation's) is null,
 * whether the reader answers null or throws FundingPoolNotFound.
 */
@Injectable()
export class FundingPoolAdapter implements FundingPoolPort {
  constructor(private readonly reader: FundingPoolReader) {}

  async balance(organisationId: string, poolId: string): Promise<FundingPoolBalanceView | null> {
    try {
      const pool = await this.reader.balance(organisationId, poolId);
      if (pool === null) return null;
      const { year, amount, committed, available } = pool;
      return { poolId, year, amount, committed, available };
    } catch (error) {
      if (error instanceof FundingPoolNotFound) return null;
      throw error;
    }
  }
}
