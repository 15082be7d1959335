import { Global, Module } from '@nestjs/common';
import { PLATFORM_CONFIG, ProblemModule, type PlatformConfig } from '../platform/index.js';
import { FundingPoolAsOf } from './application/funding-pool-as-of.js';
import { LogPointResolver } from './application/log-point.resolver.js';
import { PortfolioAsOf } from './application/portfolio-as-of.js';
import { PortfolioHistory } from './application/portfolio-history.js';
import { loadSnapshotKeeperConfig, PortfolioSnapshotKeeper, SNAPSHOT_KEEPER_CONFIG } from './application/portfolio-snapshot-keeper.js';
import { ProposalAsOf } from './application/proposal-as-of.js';
import { TimeTravel } from './application/time-travel.js';
import { ProposalDiffController } from './http/proposal-diff.controller.js';
import { timeTravelProblemMapper } from './http/time-travel-problem.mapper.js';

/**
 * Time travel: proposals, pools and the portfolio views as they stood at any point of the log, and a proposal's diff
 * between two. Global, so that the contexts' own GET handlers answer `?asOf=` through `TimeTravel` without importing
 * this module (it depends on nothing but the database). A background keeper cuts the portfolio snapshots ahead of
 * reads (`TIME_TRAVEL_SNAPSHOT_KEEPER_MS`).
 */
@Global()
@Module({
  imports: [ProblemModule.forFeature(timeTravelProblemMapper)],
  controllers: [ProposalDiffController],
  providers: [
    LogPointResolver,
    ProposalAsOf,
    FundingPoolAsOf,
    PortfolioHistory,
    PortfolioAsOf,
    TimeTravel,
    {
      provide: SNAPSHOT_KEEPER_CONFIG,
      // time travel reads `es_events` in this PostgreSQL: with the log on KurrentDB there is nothing to keep
      useFactory: (platform: PlatformConfig) => (platform.eventStore === 'kurrentdb' ? { periodMs: 0 } : loadSnapshotKeeperConfig()),
      inject: [PLATFORM_CONFIG],
    },
    PortfolioSnapshotKeeper,
  ],
  exports: [TimeTravel, LogPointResolver, PortfolioAsOf],
})
export class TimeTravelModule {}
