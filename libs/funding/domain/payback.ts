import { allocateByWeights } from '../../shared-kernel/allocation.js';
import type { Money } from '../../shared-kernel/money.js';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The share of the harvested gain paid back, in basis points: 5000 is 50 %. */
export const MAX_SHARE_BASIS_POINTS = 10_000;
export const MAX_PAYBACK_YEARS = 30;
export const MAX_BENEFICIARIES = 50;
/** The day of its year an installment falls due when the agreement names none: the last day of the year. */
export const DEFAULT_DUE_MONTH_DAY = '12-31';

/** A party that harvests a gain from the pool-funded project (a department, "the other departments", a member). */
export interface Beneficiary {
  readonly partyId: string;
  /** The expected saving per year in this party, in the pool's currency. */
  readonly yearlySavings: Money;
}

/** What one beneficiary owes the pool for one year of the agreement. */
export interface Installment {
  readonly year: number;
  readonly partyId: string;
  readonly dueOn: IsoDate;
  readonly amount: Money;
}

/** A payment received from a beneficiary towards its installment of a year. */
export interface PaybackPayment {
  readonly paymentId: string;
  readonly partyId: string;
  readonly year: number;
  readonly amount: Money;
  readonly paidOn: IsoDate;
}

/**
 * The efficiency principle (seed 002 p. 16-17): the pool funded a project that yields savings, so the beneficiaries
 * pay a share of the harvested gain back into the pool, at most the amount invested. One agreement per commitment,
 * named by the commitment's id. `ended` when the commitment was released before any payback.
 */
export interface PaybackAgreement {
  readonly commitmentId: string;
  readonly proposalId: string;
  readonly beneficiaries: readonly Beneficiary[];
  readonly shareBasisPoints: number;
  readonly firstYear: number;
  readonly years: number;
  readonly dueMonthDay: string;
  /** The commitment's amount: the cap on everything paid back. */
  readonly invested: Money;
  readonly schedule: readonly Installment[];
  readonly payments: readonly PaybackPayment[];
  readonly status: 'active' | 'ended';
}

export interface PaybackTerms {
  readonly beneficiaries: readonly Beneficiary[];
  readonly shareBasisPoints: number;
  readonly firstYear: number;
  readonly years: number;
  readonly dueMonthDay: string;
}

/**
 * The installments an agreement's terms give, capped at the amount invested. Each year each beneficiary owes its
 * share of its saving (rounded down to the øre: nobody pays more than its share). When a year's installments would
 * pass the cap, what is left of the cap is split between them in proportion to what they would have paid (largest
 * remainder, so no øre is lost or invented); after the cap nothing more is owed and no installment is listed.
 */
export function paybackSchedule(terms: PaybackTerms, invested: Money): Installment[] {
  const { currency } = invested;
  const schedule: Installment[] = [];
  let left = invested.amountMinor;
  for (let year = terms.firstYear; year < terms.firstYear + terms.years && left > 0; year++) {
    const planned = terms.beneficiaries.map((b) => shareOf(b.yearlySavings.amountMinor, terms.shareBasisPoints));
    const plannedTotal = planned.reduce((sum, p) => sum + p, 0);
    if (plannedTotal === 0) break;
    const owed = plannedTotal <= left ? planned : allocateByWeights(left, planned);
    terms.beneficiaries.forEach((b, i) => {
      if (owed[i] > 0) schedule.push({ year, partyId: b.partyId, dueOn: `${year}-${terms.dueMonthDay}`, amount: { amountMinor: owed[i], currency } });
    });
    left -= owed.reduce((sum, p) => sum + p, 0);
  }
  return schedule;
}

/** `savings × basisPoints / 10,000`, rounded down, exact for any safe amount. */
function shareOf(savingsMinor: number, basisPoints: number): number {
  return Number((BigInt(savingsMinor) * BigInt(basisPoints)) / BigInt(MAX_SHARE_BASIS_POINTS));
}

export const paidTowards = (agreement: PaybackAgreement, partyId: string, year: number): number =>
  agreement.payments.filter((p) => p.partyId === partyId && p.year === year).reduce((sum, p) => sum + p.amount.amountMinor, 0);

export const paidBackOf = (agreement: PaybackAgreement): number => agreement.payments.reduce((sum, p) => sum + p.amount.amountMinor, 0);

export type InstallmentStatus = 'paid' | 'overdue' | 'open' | 'cancelled';

export interface InstallmentPosition extends Installment {
  readonly paid: Money;
  readonly outstanding: Money;
  /**
   * paid: in full; overdue: its due day is before `asOf` and money is outstanding; open: not yet due; cancelled: the
   * agreement ended (its commitment was released before any payback), so nothing is owed.
   */
  readonly status: InstallmentStatus;
}

/** Each installment with what was paid towards it and whether it is overdue on `asOf` (due day before `asOf`). */
export function installmentPositions(agreement: PaybackAgreement, asOf: IsoDate): InstallmentPosition[] {
  return agreement.schedule.map((i) => {
    const paid = paidTowards(agreement, i.partyId, i.year);
    const owed = i.amount.amountMinor - paid;
    const status: InstallmentStatus = owed === 0 ? 'paid' : agreement.status === 'ended' ? 'cancelled' : i.dueOn < asOf ? 'overdue' : 'open';
    const outstanding = status === 'cancelled' ? 0 : owed;
    const { currency } = i.amount;
    return { ...i, paid: { amountMinor: paid, currency }, outstanding: { amountMinor: outstanding, currency }, status };
  });
}
