import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import {
  FundingPoolEventType,
  type PaybackAgreementConcludedData,
  type PaybackPaymentReceivedData,
} from '../domain/index.js';
import { PaybackAgreementRow, type InstallmentRow } from './payback-agreement-row.entity.js';

export const paybackAgreementKey = (poolId: string, commitmentId: string) => `${poolId}/${commitmentId}`;

/** The earliest due day still owed, or null: what the overdue list filters on. */
function nextDueOn(installments: readonly InstallmentRow[], status: 'active' | 'ended'): string | null {
  if (status === 'ended') return null;
  const owed = installments.filter((i) => i.paidMinor < i.amountMinor).map((i) => i.dueOn);
  return owed.length ? owed.reduce((a, b) => (b < a ? b : a)) : null;
}

/** Builds `payback_agreements` from the funding-pool streams (agreements live in their pool's stream). */
export class PaybackAgreementsProjection extends DocumentProjection<PaybackAgreementRow> {
  readonly name = 'payback_agreements';
  readonly version = 1;
  readonly handles = [FundingPoolEventType.PaybackAgreementConcluded, FundingPoolEventType.PaybackPaymentReceived, FundingPoolEventType.CommitmentReleased];
  readonly tables = ['payback_agreements'];
  protected readonly entity = PaybackAgreementRow;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    const { poolId, commitmentId } = event.data as { poolId: string; commitmentId: string };
    return paybackAgreementKey(poolId, commitmentId);
  }

  protected evolve(current: PaybackAgreementRow | null, event: RecordedEvent): PaybackAgreementRow | null {
    const at = event.recordedAt;
    switch (event.type) {
      case FundingPoolEventType.PaybackAgreementConcluded: {
        const d = event.data as PaybackAgreementConcludedData;
        const installments = d.schedule.map((i) => ({ year: i.year, partyId: i.partyId, dueOn: i.dueOn, amountMinor: i.amount.amountMinor, paidMinor: 0 }));
        return {
          id: paybackAgreementKey(d.poolId, d.commitmentId),
          organisationId: d.organisationId,
          poolId: d.poolId,
          commitmentId: d.commitmentId,
          proposalId: d.proposalId,
          currency: d.invested.currency,
          investedMinor: d.invested.amountMinor,
          scheduledMinor: installments.reduce((sum, i) => sum + i.amountMinor, 0),
          paidBackMinor: 0,
          status: 'active',
          installments,
          nextDueOn: nextDueOn(installments, 'active'),
          createdAt: at,
          updatedAt: at,
        };
      }
      case FundingPoolEventType.PaybackPaymentReceived: {
        if (!current) return current;
        const { partyId, year, amount } = event.data as PaybackPaymentReceivedData;
        const installments = current.installments.map((i) => (i.partyId === partyId && i.year === year ? { ...i, paidMinor: i.paidMinor + amount.amountMinor } : i));
        return {
          ...current,
          installments,
          paidBackMinor: current.paidBackMinor + amount.amountMinor,
          nextDueOn: nextDueOn(installments, current.status),
          updatedAt: at,
        };
      }
      case FundingPoolEventType.CommitmentReleased:
        // only an agreement without paybacks can see its commitment released: it ends, nothing more is owed
        return current && { ...current, status: 'ended', nextDueOn: null, updatedAt: at };
      default:
        return current;
    }
  }
}
