import type { EventStore, RecordedEvent } from '../../../event-store/index.js';
import type { Projection } from '../../../projections/index.js';
import { ProposalEventType } from '../../../proposals/domain/index.js';
import { enterPortfolioOnce } from './enter-portfolio.js';

/**
 * The process manager that puts each submitted proposal in the portfolio. A checkpointed subscription (DESIGN,
 * "Projections": sagas in memory do not survive a crash): its effects run before its checkpoint moves and are
 * idempotent, so each submission leads to exactly one ProjectEnteredPortfolio. It owns no table.
 */
export class PortfolioEntryProcess implements Projection {
  readonly name = 'portfolio_entry';
  readonly version = 1;
  readonly handles = [ProposalEventType.Submitted];
  readonly tables: readonly string[] = [];

  constructor(private readonly store: EventStore) {}

  async effects(events: readonly RecordedEvent[]): Promise<void> {
    for (const submitted of events) await enterPortfolioOnce(this.store, submitted);
  }

  async apply(): Promise<void> {}
}
