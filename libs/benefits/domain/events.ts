import type { NewEvent } from '../../event-store/port/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { Baseline, BenefitKind, BenefitOwner, Measurement } from './business-case.js';
import type { IsoDate, Period, Periodicity } from './periods.js';

/** Facts about a business case and its benefits. When (recordedAt) and by whom is the store's metadata. */
export const BusinessCaseEventType = {
  Prepared: 'BusinessCasePrepared',
  Revised: 'BusinessCaseRevised',
  InvestmentActualRecorded: 'InvestmentActualRecorded',
  BenefitDefined: 'BenefitDefined',
  BenefitAmended: 'BenefitAmended',
  BenefitMeasured: 'BenefitMeasured',
} as const;

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface BusinessCasePreparedData {
  readonly projectId: string;
  readonly organisationId: string;
  readonly forumId: string;
  readonly investment: Money;
  readonly expectedYearlyGain: Money;
  readonly expectedFteReductionHundredths: number;
  readonly qualitativeBenefits: readonly string[];
}

/** Only what changed, and why. */
export interface BusinessCaseRevisedData {
  readonly projectId: string;
  readonly forumId?: string;
  readonly investment?: Money;
  readonly expectedYearlyGain?: Money;
  readonly expectedFteReductionHundredths?: number;
  readonly qualitativeBenefits?: readonly string[];
  readonly reason: string;
}

export interface InvestmentActualRecordedData {
  readonly projectId: string;
  readonly amount: Money;
  readonly recordedOn: IsoDate;
  readonly note: string | null;
}

export interface BenefitDefinedData {
  readonly projectId: string;
  readonly benefitId: string;
  readonly name: string;
  readonly kind: BenefitKind;
  readonly unit: string | null;
  readonly owner: BenefitOwner;
  readonly baseline: Baseline;
  readonly periodicity: Periodicity;
  readonly plan: Readonly<Record<Period, number>>;
  readonly dueAfterDays: number;
}

/** Only what changed (a plan is replaced whole), and why. */
export interface BenefitAmendedData {
  readonly projectId: string;
  readonly benefitId: string;
  readonly name?: string;
  readonly owner?: BenefitOwner;
  readonly baseline?: Baseline;
  readonly plan?: Readonly<Record<Period, number>>;
  readonly dueAfterDays?: number;
  readonly reason: string;
}

export interface BenefitMeasuredData extends Measurement {
  readonly projectId: string;
  readonly benefitId: string;
}

export type BusinessCasePrepared = DomainEvent<typeof BusinessCaseEventType.Prepared, BusinessCasePreparedData>;
export type BusinessCaseRevised = DomainEvent<typeof BusinessCaseEventType.Revised, BusinessCaseRevisedData>;
export type InvestmentActualRecorded = DomainEvent<typeof BusinessCaseEventType.InvestmentActualRecorded, InvestmentActualRecordedData>;
export type BenefitDefined = DomainEvent<typeof BusinessCaseEventType.BenefitDefined, BenefitDefinedData>;
export type BenefitAmended = DomainEvent<typeof BusinessCaseEventType.BenefitAmended, BenefitAmendedData>;
export type BenefitMeasured = DomainEvent<typeof BusinessCaseEventType.BenefitMeasured, BenefitMeasuredData>;

export type BusinessCaseEvent = BusinessCasePrepared | BusinessCaseRevised | InvestmentActualRecorded | BenefitDefined | BenefitAmended | BenefitMeasured;
