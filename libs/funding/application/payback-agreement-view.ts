import type { RecordedEvent } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import {
  FundingPoolEventType,
  installmentPositions,
  paidBackOf,
  type Beneficiary,
  type EstablishedFundingPool,
  type InstallmentPosition,
  type IsoDate,
  type PaybackAgreement,
  type PaybackPayment,
  type PaybackPaymentReceivedData,
} from '../domain/index.js';

export interface PaybackPaymentView extends PaybackPayment {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** An agreement as the API shows it: terms, the schedule with what is paid and overdue on `asOf`, and every payment. */
export interface PaybackAgreementView {
  readonly poolId: string;
  /** The commitment it pays back, which is also the agreement's id. */
  readonly commitmentId: string;
  readonly proposalId: string;
  readonly status: 'active' | 'ended';
  readonly beneficiaries: readonly Beneficiary[];
  readonly shareBasisPoints: number;
  readonly firstYear: number;
  readonly years: number;
  readonly dueMonthDay: string;
  /** The amount invested: nothing is paid back beyond it. */
  readonly invested: Money;
  /** What the schedule asks in all (at most `invested`). */
  readonly scheduled: Money;
  readonly paidBack: Money;
  /** scheduled - paidBack (nothing once the agreement ended). */
  readonly outstanding: Money;
  readonly asOf: IsoDate;
  /** Installments due before `asOf` and not paid in full: what they still owe. */
  readonly overdue: Money;
  readonly installments: readonly InstallmentPosition[];
  readonly payments: readonly PaybackPaymentView[];
  readonly concludedAt: string;
  readonly concludedBy: string;
  /** The pool's stream version (the agreement lives in its pool's stream): the ETag. */
  readonly version: number;
}

/** Builds the view of one agreement from its pool's stream and folded state. */
export function paybackAgreementView(
  pool: EstablishedFundingPool,
  agreement: PaybackAgreement,
  events: readonly RecordedEvent[],
  asOf: IsoDate,
): PaybackAgreementView {
  const ofAgreement = events.filter((e) => (e.data as { commitmentId?: string }).commitmentId === agreement.commitmentId);
  const concluded = ofAgreement.find((e) => e.type === FundingPoolEventType.PaybackAgreementConcluded)!;
  const received = new Map(
    ofAgreement.filter((e) => e.type === FundingPoolEventType.PaybackPaymentReceived).map((e) => [(e.data as PaybackPaymentReceivedData).paymentId, e]),
  );
  const installments = installmentPositions(agreement, asOf);
  const { currency } = agreement.invested;
  const money = (amountMinor: number): Money => ({ amountMinor, currency });
  const sum = (list: readonly InstallmentPosition[], pick: (i: InstallmentPosition) => Money) => list.reduce((a, i) => a + pick(i).amountMinor, 0);
  const { commitmentId, proposalId, status, beneficiaries, shareBasisPoints, firstYear, years, dueMonthDay, invested } = agreement;
  return {
    poolId: pool.poolId,
    commitmentId,
    proposalId,
    status,
    beneficiaries,
    shareBasisPoints,
    firstYear,
    years,
    dueMonthDay,
    invested,
    scheduled: money(sum(installments, (i) => i.amount)),
    paidBack: money(paidBackOf(agreement)),
    outstanding: money(sum(installments, (i) => i.outstanding)),
    asOf,
    overdue: money(sum(installments.filter((i) => i.status === 'overdue'), (i) => i.outstanding)),
    installments,
    payments: agreement.payments.map((p) => {
      const e = received.get(p.paymentId)!;
      return { ...p, recordedAt: e.recordedAt.toISOString(), recordedBy: e.metadata.actor.subject };
    }),
    concludedAt: concluded.recordedAt.toISOString(),
    concludedBy: concluded.metadata.actor.subject,
    version: events[events.length - 1].streamPosition,
  };
}
