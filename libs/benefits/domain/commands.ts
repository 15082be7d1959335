import type { Money } from '../../shared-kernel/money.js';
import type { Baseline, BenefitKind, BenefitOwner } from './business-case.js';
import type { IsoDate, Period, Periodicity } from './periods.js';

export const BusinessCaseCommandType = {
  Prepare: 'PrepareBusinessCase',
  Revise: 'ReviseBusinessCase',
  RecordInvestmentActual: 'RecordInvestmentActual',
  DefineBenefit: 'DefineBenefit',
  AmendBenefit: 'AmendBenefit',
  RecordMeasurement: 'RecordMeasurement',
} as const;

/** A baseline as a command states it: the description may be left out. */
export type BaselineInput = Omit<Baseline, 'description'> & { readonly description?: string | null };

export interface PlannedValue {
  readonly period: Period;
  readonly value: number;
}

/** A project's business case: investment, expected economic gain a year, FTE reduction, qualitative benefits. */
export interface PrepareBusinessCase {
  readonly type: typeof BusinessCaseCommandType.Prepare;
  readonly data: {
    readonly projectId: string;
    readonly organisationId: string;
    readonly forumId: string;
    readonly investment: Money;
    readonly expectedYearlyGain: Money;
    readonly expectedFteReductionHundredths: number;
    readonly qualitativeBenefits: readonly string[];
  };
}

/** Changes what the business case expects; absent fields stay. */
export interface ReviseBusinessCase {
  readonly type: typeof BusinessCaseCommandType.Revise;
  readonly data: {
    readonly projectId: string;
    readonly forumId?: string;
    readonly investment?: Money;
    readonly expectedYearlyGain?: Money;
    readonly expectedFteReductionHundredths?: number;
    readonly qualitativeBenefits?: readonly string[];
    readonly reason: string;
  };
}

/** What the investment actually cost, as known on `recordedOn` (a later figure supersedes it). */
export interface RecordInvestmentActual {
  readonly type: typeof BusinessCaseCommandType.RecordInvestmentActual;
  readonly data: { readonly projectId: string; readonly amount: Money; readonly recordedOn: IsoDate; readonly note?: string | null; readonly today: IsoDate };
}

export interface DefineBenefit {
  readonly type: typeof BusinessCaseCommandType.DefineBenefit;
  readonly data: {
    readonly projectId: string;
    readonly benefitId: string;
    readonly name: string;
    readonly kind: BenefitKind;
    readonly unit?: string | null;
    readonly owner: BenefitOwner;
    readonly baseline: BaselineInput;
    readonly periodicity: Periodicity;
    readonly plan: readonly PlannedValue[];
    readonly dueAfterDays?: number;
  };
}

/** A new owner, plan (replacing the whole plan), baseline, name or due time; absent fields stay. */
export interface AmendBenefit {
  readonly type: typeof BusinessCaseCommandType.AmendBenefit;
  readonly data: {
    readonly projectId: string;
    readonly benefitId: string;
    readonly name?: string;
    readonly owner?: BenefitOwner;
    readonly baseline?: BaselineInput;
    readonly plan?: readonly PlannedValue[];
    readonly dueAfterDays?: number;
    readonly reason: string;
  };
}

/** The actual realisation of a period; with `corrects`, a correction of the period's current measurement. */
export interface RecordMeasurement {
  readonly type: typeof BusinessCaseCommandType.RecordMeasurement;
  readonly data: {
    readonly projectId: string;
    readonly benefitId: string;
    readonly measurementId: string;
    readonly period: Period;
    readonly value: number;
    readonly measuredOn: IsoDate;
    readonly note?: string | null;
    readonly corrects?: string | null;
    readonly reason?: string | null;
    /** The calendar day the command is decided on: nothing is measured in the future. */
    readonly today: IsoDate;
  };
}

export type BusinessCaseCommand = PrepareBusinessCase | ReviseBusinessCase | RecordInvestmentActual | DefineBenefit | AmendBenefit | RecordMeasurement;
