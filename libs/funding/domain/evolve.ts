import { InconsistentFundingHistory } from './errors.js';
import { FundingPoolEventType, type FundingPoolEvent } from './events.js';
import type { EstablishedFundingPool, FundingPoolState } from './state.js';

/** Folds one recorded fact into the pool. Events are facts: nothing is re-validated, only their order. */
export function evolve(state: FundingPoolState, event: FundingPoolEvent): FundingPoolState {
  switch (event.type) {
    case FundingPoolEventType.Established: {
      if (state.status !== 'none') throw new InconsistentFundingHistory(event.type, 'the pool exists already');
      return { status: 'established', ...event.data, commitments: [], paybackAgreements: [] };
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
        // released before any payback: the agreement ends, nothing more is owed
        paybackAgreements: pool.paybackAgreements.map((a) => (a.commitmentId === event.data.commitmentId ? { ...a, status: 'ended' as const } : a)),
      };
    }
    case FundingPoolEventType.PaybackAgreementConcluded: {
      const pool = established(state, event);
      const { commitmentId, proposalId, beneficiaries, shareBasisPoints, firstYear, years, dueMonthDay, invested, schedule } = event.data;
      if (pool.paybackAgreements.some((a) => a.commitmentId === commitmentId)) {
        throw new InconsistentFundingHistory(event.type, `commitment ${commitmentId} has an agreement already`);
      }
      const agreement = { commitmentId, proposalId, beneficiaries, shareBasisPoints, firstYear, years, dueMonthDay, invested, schedule, payments: [], status: 'active' as const };
      return { ...pool, paybackAgreements: [...pool.paybackAgreements, agreement] };
    }
    case FundingPoolEventType.PaybackPaymentReceived: {
      const pool = established(state, event);
      const { commitmentId, paymentId, partyId, year, amount, paidOn } = event.data;
      if (!pool.paybackAgreements.some((a) => a.commitmentId === commitmentId)) {
        throw new InconsistentFundingHistory(event.type, `commitment ${commitmentId} has no payback agreement`);
      }
      return {
        ...pool,
        paybackAgreements: pool.paybackAgreements.map((a) =>
          a.commitmentId === commitmentId ? { ...a, payments: [...a.payments, { paymentId, partyId, year, amount, paidOn }] } : a,
        ),
      };
    }
  }
}

function established(state: FundingPoolState, event: FundingPoolEvent): EstablishedFundingPool {
  if (state.status === 'none') throw new InconsistentFundingHistory(event.type, 'the pool does not exist');
  return state;
}
