import type { Person } from '../../proposals/domain/proposal-form.js';
import type { Money } from '../../shared-kernel/money.js';
import type { IsoDate, Period, Periodicity } from './periods.js';

/**
 * Economic benefits are money a period (øre), FTE benefits the reduction in staff (hundredths of an FTE, årsværk),
 * qualitative benefits an indicator in a unit of their own (less vulnerability, service level, recruitment).
 */
export const BENEFIT_KINDS = ['economic', 'fte', 'qualitative'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** What a benefit's integer values count. */
export function valueUnit(kind: BenefitKind, unit: string | null): string {
  return kind === 'economic' ? 'øre' : kind === 'fte' ? 'hundredths of an FTE' : (unit ?? '');
}

/**
 * Economic gains add up over periods (DKK saved in total); an FTE reduction or an indicator is a level, so its
 * position is the latest period's value.
 */
export const aggregationOf = (kind: BenefitKind): 'sum' | 'latest' => (kind === 'economic' ? 'sum' : 'latest');

export interface BenefitOwner {
  /** Personal data, one object so that it can be encrypted per person. */
  readonly person: Person;
}

export interface Baseline {
  readonly value: number;
  /** The day the baseline was measured. */
  readonly on: IsoDate;
  readonly description: string | null;
}

export interface Measurement {
  readonly measurementId: string;
  readonly period: Period;
  readonly value: number;
  /** When the measurement was taken: a measurement counts in reports as of that day and later. */
  readonly measuredOn: IsoDate;
  readonly note: string | null;
  /** The measurement it corrects (the period's current one when it was recorded); null for the first. */
  readonly corrects: string | null;
  readonly reason: string | null;
}

export interface Benefit {
  readonly benefitId: string;
  readonly name: string;
  readonly kind: BenefitKind;
  /** The indicator's unit for qualitative benefits (e.g. `% first-contact resolution`); null otherwise. */
  readonly unit: string | null;
  readonly owner: BenefitOwner;
  readonly baseline: Baseline;
  readonly periodicity: Periodicity;
  /** Planned realisation per period (the gain in that period against the baseline). */
  readonly plan: Readonly<Record<Period, number>>;
  /** A period's measurement is due this many days after its last day. */
  readonly dueAfterDays: number;
  /** In the order recorded; corrections are new measurements. */
  readonly measurements: readonly Measurement[];
}

export interface InvestmentActual {
  readonly amount: Money;
  readonly recordedOn: IsoDate;
  readonly note: string | null;
}

export interface PreparedBusinessCase {
  readonly status: 'prepared';
  readonly projectId: string;
  readonly organisationId: string;
  /** The forum that follows the benefits up. */
  readonly forumId: string;
  readonly investment: Money;
  readonly expectedYearlyGain: Money;
  readonly expectedFteReductionHundredths: number;
  readonly qualitativeBenefits: readonly string[];
  /** What the investment turned out to be, in the order recorded; the latest counts. */
  readonly investmentActuals: readonly InvestmentActual[];
  readonly benefits: readonly Benefit[];
}

export type BusinessCaseState = { readonly status: 'none' } | PreparedBusinessCase;

export function initialBusinessCaseState(): BusinessCaseState {
  return { status: 'none' };
}

export const MAX_DUE_AFTER_DAYS = 366;
export const DEFAULT_DUE_AFTER_DAYS = 60;
