import { InconsistentFundingHistory } from './errors.js';
import { FundingPoolEventType, type FundingPoolEvent } from './events.js';
import type { EstablishedFundingPool, FundingPoolState } from './state.js';

/** Folds one recorded fact into the pool. Events are facts: nothing is re-validated, only their order. */
export function evolve(state: FundingPoolState, event: FundingPoolEvent): FundingPoolState {
  switch (event.type) {
    case FundingPoolEventType.Established: {
      if (state.status !== 'none') throw new InconsistentFundingHistory(event.type, 'the pool exists already');
      return { status: 'established', ...event.data, commitments: [] };
    }
    case FundingPoolEventType.AmountAdjusted:
      return { ...established(state, event), amount: event.data.amount };
    case FundingPoolEventType.Committed: {
      const pool = established(state, event);
      const { commitmentId, proposalId, decisionId, amount, costKind } = event.data;
      return { ...pool, commitments: [...pool.commitments, { commitmentId, proposalId, decisionId, amount, costKind, status: 'active', releaseReason: null }] };
    }
    case FundingPoolEventType.CommitmentReleased: {
      const pool = established(state, event);
      if (!pool.commitments.some((c) => c.commitmentId === event.data.commitmentId && c.status === 'active')) {
        throw new InconsistentFundingHistory(event.type, `no active commitment ${event.data.commitmentId}`);
      }
      return {
        ...pool,
        commitments: pool.commitments.map((c) =>
          c.commitmentId === event.data.commitmentId ? { ...c, status: 'released' as const, releaseReason: event.data.reason } : c,
        ),
      };
    }
  }
}

function established(state: FundingPoolState, event: FundingPoolEvent): EstablishedFundingPool {
  if (state.status === 'none') throw new InconsistentFundingHistory(event.type, 'the pool does not exist');
  return state;
}
