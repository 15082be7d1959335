import type { Money } from '../../shared-kernel/money.js';
import { aggregationOf, valueUnit, type Benefit, type BenefitKind, type BenefitOwner, type PreparedBusinessCase } from './business-case.js';
import { businessCaseDecider } from './decider.js';
import type { BusinessCaseEvent } from './events.js';
import { addDays, comparePeriods, periodEnd, type IsoDate, type Period, type Periodicity } from './periods.js';

/** A fact of a business case's stream with when the service learnt it: enough to answer "what we knew then". */
export interface RecordedFact {
  readonly type: string;
  readonly data: unknown;
  /** ISO timestamp: when it was recorded in the log. */
  readonly recordedAt: string;
}

/** The two times a report is as of: the day it describes, and what the service knew. */
export interface ReportTime {
  /** Periods that end on or before this day count as planned to date; only measurements taken by this day count. */
  readonly asOf: IsoDate;
  /** Only facts recorded by this instant count (ISO timestamp); later corrections are left out. */
  readonly knownAt: string;
}

export type PeriodStatus = 'measured' | 'overdue' | 'awaiting_measurement' | 'not_ended';

export interface PeriodLine {
  readonly period: Period;
  readonly endsOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly planned: number | null;
  readonly actual: number | null;
  readonly measurementId: string | null;
  readonly measuredOn: IsoDate | null;
  /** The value shown replaces an earlier measurement of the period. */
  readonly corrected: boolean;
  readonly status: PeriodStatus;
}

export interface BenefitLine {
  readonly benefitId: string;
  readonly name: string;
  readonly kind: BenefitKind;
  readonly valueUnit: string;
  readonly aggregation: 'sum' | 'latest';
  readonly owner: BenefitOwner;
  readonly periodicity: Periodicity;
  readonly baseline: Benefit['baseline'];
  /** Planned for the periods ended by asOf: their sum, or the latest one's level. */
  readonly plannedToDate: number;
  /** Measured for those periods: their sum, or the latest measured level; null when none is measured. */
  readonly actualToDate: number | null;
  /** The whole plan: its sum, or the last period's level. */
  readonly plannedTotal: number;
  readonly periods: readonly PeriodLine[];
}

export interface ProjectRealisation {
  readonly projectId: string;
  readonly forumId: string;
  readonly currency: Money['currency'];
  readonly investment: { readonly planned: Money; readonly actual: Money | null; readonly actualRecordedOn: IsoDate | null };
  readonly expectedYearlyGain: Money;
  readonly expectedFteReductionHundredths: number;
  readonly qualitativeBenefits: readonly string[];
  readonly benefits: readonly BenefitLine[];
  readonly totals: RealisationTotals;
  readonly overdueMeasurements: number;
}

export interface RealisationTotals {
  /** Economic benefits, in the business case's currency. */
  readonly economic: { readonly plannedToDate: Money; readonly actualToDate: Money; readonly plannedTotal: Money };
  /** FTE benefits' levels, added up, in hundredths of an FTE. */
  readonly fteHundredths: { readonly plannedToDate: number; readonly actualToDate: number; readonly plannedTotal: number };
}

/** The business case as the service knew it at `knownAt`: the facts recorded by then, folded. */
export function businessCaseKnownAt(facts: readonly RecordedFact[], knownAt: string): PreparedBusinessCase | null {
  const cutoff = Date.parse(knownAt);
  let state = businessCaseDecider.initialState();
  for (const fact of facts) {
    if (Date.parse(fact.recordedAt) > cutoff) break; // facts are in log order
    state = businessCaseDecider.evolve(state, { type: fact.type, data: fact.data } as BusinessCaseEvent);
  }
  return state.status === 'none' ? null : state;
}

/** Planned against actual for one project, as of a day and as known at an instant; null when it had no case then. */
export function projectRealisation(facts: readonly RecordedFact[], time: ReportTime): ProjectRealisation | null {
  const bc = businessCaseKnownAt(facts, time.knownAt);
  if (!bc) return null;
  const currency = bc.investment.currency;
  const actual = bc.investmentActuals.filter((a) => a.recordedOn <= time.asOf).at(-1) ?? null;
  const benefits = bc.benefits.map((b) => benefitLine(b, time.asOf));
  const sum = (kind: BenefitKind, pick: (b: BenefitLine) => number | null) =>
    benefits.filter((b) => b.kind === kind).reduce((s, b) => s + (pick(b) ?? 0), 0);
  const money = (amountMinor: number): Money => ({ amountMinor, currency });
  return {
    projectId: bc.projectId,
    forumId: bc.forumId,
    currency,
    investment: { planned: bc.investment, actual: actual?.amount ?? null, actualRecordedOn: actual?.recordedOn ?? null },
    expectedYearlyGain: bc.expectedYearlyGain,
    expectedFteReductionHundredths: bc.expectedFteReductionHundredths,
    qualitativeBenefits: bc.qualitativeBenefits,
    benefits,
    totals: {
      economic: {
        plannedToDate: money(sum('economic', (b) => b.plannedToDate)),
        actualToDate: money(sum('economic', (b) => b.actualToDate)),
        plannedTotal: money(sum('economic', (b) => b.plannedTotal)),
      },
      fteHundredths: {
        plannedToDate: sum('fte', (b) => b.plannedToDate),
        actualToDate: sum('fte', (b) => b.actualToDate),
        plannedTotal: sum('fte', (b) => b.plannedTotal),
      },
    },
    overdueMeasurements: benefits.reduce((n, b) => n + b.periods.filter((p) => p.status === 'overdue').length, 0),
  };
}

function benefitLine(benefit: Benefit, asOf: IsoDate): BenefitLine {
  // planned periods, and unplanned ones measured by asOf
  const measuredBy = benefit.measurements.filter((m) => m.measuredOn <= asOf).map((m) => m.period);
  const periods = [...new Set([...Object.keys(benefit.plan), ...measuredBy])].sort(comparePeriods).map((period) => {
    const endsOn = periodEnd(period, benefit.periodicity);
    const dueOn = addDays(endsOn, benefit.dueAfterDays);
    // the period's chain of measurements is in log order with non-decreasing days: the last one taken by asOf counts
    const known = benefit.measurements.filter((m) => m.period === period && m.measuredOn <= asOf);
    const current = known.at(-1) ?? null;
    const status: PeriodStatus = current ? 'measured' : endsOn > asOf ? 'not_ended' : dueOn < asOf ? 'overdue' : 'awaiting_measurement';
    return {
      period,
      endsOn,
      dueOn,
      planned: benefit.plan[period] ?? null,
      actual: current?.value ?? null,
      measurementId: current?.measurementId ?? null,
      measuredOn: current?.measuredOn ?? null,
      corrected: known.length > 1,
      status,
    };
  });
  const ended = periods.filter((p) => p.endsOn <= asOf);
  const measured = ended.filter((p) => p.actual !== null);
  const planned = periods.filter((p) => p.planned !== null);
  const endedPlanned = ended.filter((p) => p.planned !== null);
  const latest = aggregationOf(benefit.kind) === 'latest';
  const total = (lines: readonly PeriodLine[], pick: (p: PeriodLine) => number | null) =>
    latest ? (lines.length ? (pick(lines[lines.length - 1]) ?? 0) : 0) : lines.reduce((s, p) => s + (pick(p) ?? 0), 0);
  return {
    benefitId: benefit.benefitId,
    name: benefit.name,
    kind: benefit.kind,
    valueUnit: valueUnit(benefit.kind, benefit.unit),
    aggregation: aggregationOf(benefit.kind),
    owner: benefit.owner,
    periodicity: benefit.periodicity,
    baseline: benefit.baseline,
    plannedToDate: total(endedPlanned, (p) => p.planned),
    actualToDate: measured.length ? total(measured, (p) => p.actual) : null,
    plannedTotal: total(planned, (p) => p.planned),
    periods,
  };
}

/** A measurement past its due day that nobody has taken: someone must follow it up. */
export interface FollowUpItem {
  readonly projectId: string;
  readonly forumId: string;
  readonly benefitId: string;
  readonly benefitName: string;
  readonly owner: BenefitOwner;
  readonly period: Period;
  readonly dueOn: IsoDate;
  readonly daysOverdue: number;
}

/** Every overdue measurement of the projects, oldest due day first. */
export function overdueFollowUps(projects: readonly ProjectRealisation[], asOf: IsoDate): FollowUpItem[] {
  const items = projects.flatMap((p) =>
    p.benefits.flatMap((b) =>
      b.periods
        .filter((line) => line.status === 'overdue')
        .map((line) => ({
          projectId: p.projectId,
          forumId: p.forumId,
          benefitId: b.benefitId,
          benefitName: b.name,
          owner: b.owner,
          period: line.period,
          dueOn: line.dueOn,
          daysOverdue: Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${line.dueOn}T00:00:00Z`)) / 86_400_000),
        })),
    ),
  );
  const key = (i: FollowUpItem) => `${i.dueOn}|${i.projectId}|${i.benefitId}|${i.period}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Totals across projects, per currency (a collaboration may hold cases in more than one). */
export function totalsByCurrency(projects: readonly ProjectRealisation[]) {
  const currencies = [...new Set(projects.map((p) => p.currency))].sort();
  return currencies.map((currency) => {
    const inCurrency = projects.filter((p) => p.currency === currency);
    const add = (pick: (p: ProjectRealisation) => number) => ({ amountMinor: inCurrency.reduce((s, p) => s + pick(p), 0), currency });
    return {
      currency,
      projects: inCurrency.length,
      investmentPlanned: add((p) => p.investment.planned.amountMinor),
      investmentActual: add((p) => p.investment.actual?.amountMinor ?? 0),
      economicPlannedToDate: add((p) => p.totals.economic.plannedToDate.amountMinor),
      economicActualToDate: add((p) => p.totals.economic.actualToDate.amountMinor),
      fteHundredthsPlannedToDate: inCurrency.reduce((s, p) => s + p.totals.fteHundredths.plannedToDate, 0),
      fteHundredthsActualToDate: inCurrency.reduce((s, p) => s + p.totals.fteHundredths.actualToDate, 0),
    };
  });
}
