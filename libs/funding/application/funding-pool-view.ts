import type { RecordedEvent } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import {
  fundingPoolDecider,
  FundingPoolEventType,
  poolBalance,
  type Commitment,
  type FundingCommitmentReleasedData,
  type FundingCommittedData,
  type FundingPoolEvent,
  type FundingPoolState,
  type InvestmentArea,
} from '../domain/index.js';

export interface CommitmentView extends Commitment {
  /**
   * efficiency: a payback agreement returns part of the gain to the pool; development: funded with no payback (a
   * service improvement, seed 002 p. 17).
   */
  readonly principle: 'efficiency' | 'development';
  readonly committedAt: string;
  readonly committedBy: string;
  readonly releasedAt: string | null;
}

/** A pool as the API shows it: its amount, what is committed and to whom, and what is left. */
export interface FundingPoolView {
  readonly id: string;
  readonly organisationId: string;
  readonly forumId: string;
  readonly year: number;
  readonly name: string;
  readonly investmentArea: InvestmentArea | null;
  readonly amount: Money;
  readonly committed: Money;
  /** Payback payments received under the efficiency principle. */
  readonly paidBack: Money;
  /** amount - committed + paidBack: never negative. */
  readonly available: Money;
  /** Every commitment, oldest first; released ones stay, marked released. */
  readonly commitments: readonly CommitmentView[];
  /** The stream version (the ETag). */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function foldFundingPool(events: readonly RecordedEvent[]): FundingPoolState {
  let state = fundingPoolDecider.initialState();
  for (const e of events) state = fundingPoolDecider.evolve(state, { type: e.type, data: e.data } as FundingPoolEvent);
  return state;
}

/** Null when the stream holds no pool. */
export function foldFundingPoolView(events: readonly RecordedEvent[]): FundingPoolView | null {
  const state = foldFundingPool(events);
  if (state.status === 'none') return null;
  const committedAt = new Map<string, RecordedEvent>();
  const releasedAt = new Map<string, string>();
  for (const e of events) {
    if (e.type === FundingPoolEventType.Committed) committedAt.set((e.data as FundingCommittedData).commitmentId, e);
    if (e.type === FundingPoolEventType.CommitmentReleased) releasedAt.set((e.data as FundingCommitmentReleasedData).commitmentId, e.recordedAt.toISOString());
  }
  const { amount, committed, paidBack, available } = poolBalance(state);
  const withAgreement = new Set(state.paybackAgreements.map((a) => a.commitmentId));
  const last = events[events.length - 1];
  return {
    id: state.poolId,
    organisationId: state.organisationId,
    forumId: state.forumId,
    year: state.year,
    name: state.name,
    investmentArea: state.investmentArea,
    amount,
    committed,
    paidBack,
    available,
    commitments: state.commitments.map((c) => {
      const at = committedAt.get(c.commitmentId)!;
      return {
        ...c,
        principle: withAgreement.has(c.commitmentId) ? 'efficiency' : 'development',
        committedAt: at.recordedAt.toISOString(),
        committedBy: at.metadata.actor.subject,
        releasedAt: releasedAt.get(c.commitmentId) ?? null,
      };
    }),
    version: last.streamPosition,
    createdAt: events[0].recordedAt.toISOString(),
    updatedAt: last.recordedAt.toISOString(),
  };
}
