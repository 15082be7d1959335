import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import {
  FundingPoolEventType,
  type FundingCommitmentReleasedData,
  type FundingCommittedData,
  type FundingPoolAmountAdjustedData,
  type FundingPoolEstablishedData,
  type PaybackPaymentReceivedData,
} from '../domain/index.js';
import { FundingPoolSummary } from './funding-pool-summary.entity.js';

/** Builds `funding_pools` from the funding-pool streams. */
export class FundingPoolSummaryProjection extends DocumentProjection<FundingPoolSummary> {
  readonly name = 'funding_pools';
  /** 2: paybacks received (paid_back_minor). */
  readonly version = 2;
  readonly handles = Object.values(FundingPoolEventType);
  readonly tables = ['funding_pools'];
  protected readonly entity = FundingPoolSummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { poolId?: string }).poolId ?? null;
  }

  protected evolve(current: FundingPoolSummary | null, event: RecordedEvent): FundingPoolSummary | null {
    const at = event.recordedAt;
    const touched = (row: FundingPoolSummary): FundingPoolSummary => ({ ...row, version: event.streamPosition, updatedAt: at });
    switch (event.type) {
      case FundingPoolEventType.Established: {
        const d = event.data as FundingPoolEstablishedData;
        return {
          id: d.poolId,
          organisationId: d.organisationId,
          forumId: d.forumId,
          year: d.year,
          name: d.name,
          investmentArea: d.investmentArea,
          currency: d.amount.currency,
          amountMinor: d.amount.amountMinor,
          committedMinor: 0,
          paidBackMinor: 0,
          activeCommitments: 0,
          version: event.streamPosition,
          createdAt: at,
          updatedAt: at,
        };
      }
      case FundingPoolEventType.AmountAdjusted:
        return current && touched({ ...current, amountMinor: (event.data as FundingPoolAmountAdjustedData).amount.amountMinor });
      case FundingPoolEventType.Committed: {
        const { amount } = event.data as FundingCommittedData;
        return current && touched({ ...current, committedMinor: current.committedMinor + amount.amountMinor, activeCommitments: current.activeCommitments + 1 });
      }
      case FundingPoolEventType.CommitmentReleased: {
        const { amount } = event.data as FundingCommitmentReleasedData;
        return current && touched({ ...current, committedMinor: current.committedMinor - amount.amountMinor, activeCommitments: current.activeCommitments - 1 });
      }
      case FundingPoolEventType.PaybackAgreementConcluded:
        return current && touched(current);
      case FundingPoolEventType.PaybackPaymentReceived:
        return current && touched({ ...current, paidBackMinor: current.paidBackMinor + (event.data as PaybackPaymentReceivedData).amount.amountMinor });
      default:
        return current;
    }
  }
}
