import { deepEqual } from '../../shared-kernel/deep-equal.js';
import {
  BENEFIT_KINDS,
  DEFAULT_DUE_AFTER_DAYS,
  MAX_DUE_AFTER_DAYS,
  type Baseline,
  type Benefit,
  type BenefitKind,
  type BenefitOwner,
  type BusinessCaseState,
  type PreparedBusinessCase,
} from './business-case.js';
import {
  BusinessCaseCommandType,
  type AmendBenefit,
  type BaselineInput,
  type BusinessCaseCommand,
  type DefineBenefit,
  type PlannedValue,
  type PrepareBusinessCase,
  type RecordInvestmentActual,
  type RecordMeasurement,
  type ReviseBusinessCase,
} from './commands.js';
import { BenefitIdInUse, BenefitNotFound, BusinessCaseAlreadyPrepared, BusinessCaseNotFound, InvalidBenefitRequest, MeasurementConflict } from './errors.js';
import { BusinessCaseEventType, type BenefitAmendedData, type BusinessCaseEvent, type BusinessCaseRevisedData } from './events.js';
import { isPeriod, PERIOD_FORMATS, PERIODICITIES, periodEnd, type Period, type Periodicity } from './periods.js';
import { optionalText, requireDate, requireMoney, requirePastDate, requirePerson, requireText, requireWhole } from './validation.js';

const MAX_PLAN_PERIODS = 240;
const MAX_QUALITATIVE = 50;

/**
 * The rules of a business case and its benefits (DOMAIN.md, "Benefits"): one per project, in one currency; each
 * benefit has an owner, a baseline, a plan per period and measured actuals; a period is measured after it ends and
 * never in the future; a second measurement of a period is a correction of the current one, with a reason.
 */
export function decide(command: BusinessCaseCommand, state: BusinessCaseState): BusinessCaseEvent[] {
  if (command.type === BusinessCaseCommandType.Prepare) return prepare(command, state);
  if (state.status === 'none') throw new BusinessCaseNotFound(command.data.projectId);
  switch (command.type) {
    case BusinessCaseCommandType.Revise:
      return revise(command, state);
    case BusinessCaseCommandType.RecordInvestmentActual:
      return recordInvestment(command, state);
    case BusinessCaseCommandType.DefineBenefit:
      return defineBenefit(command, state);
    case BusinessCaseCommandType.AmendBenefit:
      return amendBenefit(command, state);
    case BusinessCaseCommandType.RecordMeasurement:
      return measure(command, state);
  }
}

function prepare({ data }: PrepareBusinessCase, state: BusinessCaseState): BusinessCaseEvent[] {
  if (state.status !== 'none') throw new BusinessCaseAlreadyPrepared(data.projectId);
  const projectId = requireText(data.projectId, 'projectId');
  const organisationId = requireText(data.organisationId, 'organisationId');
  const forumId = requireText(data.forumId, 'forumId');
  const investment = requireMoney(data.investment, 'investment');
  const expectedYearlyGain = requireMoney(data.expectedYearlyGain, 'expectedYearlyGain', investment.currency);
  const expectedFteReductionHundredths = requireWhole(data.expectedFteReductionHundredths, 'expectedFteReductionHundredths', 0);
  const qualitativeBenefits = requireQualitative(data.qualitativeBenefits);
  return [
    {
      type: BusinessCaseEventType.Prepared,
      data: { projectId, organisationId, forumId, investment, expectedYearlyGain, expectedFteReductionHundredths, qualitativeBenefits },
    },
  ];
}

function revise({ data }: ReviseBusinessCase, state: PreparedBusinessCase): BusinessCaseEvent[] {
  const reason = requireText(data.reason, 'reason');
  const currency = state.investment.currency;
  const changes: { -readonly [K in keyof BusinessCaseRevisedData]?: BusinessCaseRevisedData[K] } = {};
  if (data.forumId !== undefined && requireText(data.forumId, 'forumId') !== state.forumId) changes.forumId = data.forumId;
  if (data.investment !== undefined) {
    const investment = requireMoney(data.investment, 'investment', currency);
    if (investment.amountMinor !== state.investment.amountMinor) changes.investment = investment;
  }
  if (data.expectedYearlyGain !== undefined) {
    const gain = requireMoney(data.expectedYearlyGain, 'expectedYearlyGain', currency);
    if (gain.amountMinor !== state.expectedYearlyGain.amountMinor) changes.expectedYearlyGain = gain;
  }
  if (data.expectedFteReductionHundredths !== undefined) {
    const fte = requireWhole(data.expectedFteReductionHundredths, 'expectedFteReductionHundredths', 0);
    if (fte !== state.expectedFteReductionHundredths) changes.expectedFteReductionHundredths = fte;
  }
  if (data.qualitativeBenefits !== undefined) {
    const qualitative = requireQualitative(data.qualitativeBenefits);
    if (!deepEqual(qualitative, state.qualitativeBenefits)) changes.qualitativeBenefits = qualitative;
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: BusinessCaseEventType.Revised, data: { projectId: state.projectId, ...changes, reason } }];
}

function recordInvestment({ data }: RecordInvestmentActual, state: PreparedBusinessCase): BusinessCaseEvent[] {
  const amount = requireMoney(data.amount, 'amount', state.investment.currency);
  const recordedOn = requirePastDate(data.recordedOn, 'recordedOn', data.today);
  const latest = state.investmentActuals.at(-1);
  if (latest && recordedOn < latest.recordedOn) throw new InvalidBenefitRequest('recordedOn', `must not be before ${latest.recordedOn}, the latest figure's day`);
  return [{ type: BusinessCaseEventType.InvestmentActualRecorded, data: { projectId: state.projectId, amount, recordedOn, note: optionalText(data.note) } }];
}

function defineBenefit({ data }: DefineBenefit, state: PreparedBusinessCase): BusinessCaseEvent[] {
  const benefitId = requireText(data.benefitId, 'benefitId');
  const name = requireText(data.name, 'name');
  if (!(BENEFIT_KINDS as readonly string[]).includes(data.kind)) throw new InvalidBenefitRequest('kind', `must be one of ${BENEFIT_KINDS.join(', ')}`);
  const unit = data.kind === 'qualitative' ? requireText(data.unit, 'unit') : null;
  if (data.kind !== 'qualitative' && optionalText(data.unit) !== null) throw new InvalidBenefitRequest('unit', 'is for qualitative benefits only: economic ones count øre, FTE ones hundredths of an FTE');
  if (!(PERIODICITIES as readonly string[]).includes(data.periodicity)) throw new InvalidBenefitRequest('periodicity', `must be one of ${PERIODICITIES.join(', ')}`);
  const benefit = {
    benefitId,
    name,
    kind: data.kind,
    unit,
    owner: requireOwner(data.owner),
    baseline: requireBaseline(data.baseline, data.kind),
    periodicity: data.periodicity,
    plan: requirePlan(data.plan, data.periodicity, data.kind),
    dueAfterDays: requireDueAfterDays(data.dueAfterDays ?? DEFAULT_DUE_AFTER_DAYS),
  };
  const existing = state.benefits.find((b) => b.benefitId === benefitId);
  if (existing) {
    const { measurements: _m, ...defined } = existing;
    if (deepEqual(defined, benefit)) return []; // a retry of the same definition
    throw new BenefitIdInUse(benefitId);
  }
  return [{ type: BusinessCaseEventType.BenefitDefined, data: { projectId: state.projectId, ...benefit } }];
}

function amendBenefit({ data }: AmendBenefit, state: PreparedBusinessCase): BusinessCaseEvent[] {
  const benefit = findBenefit(state, data.benefitId);
  const reason = requireText(data.reason, 'reason');
  const changes: { -readonly [K in keyof BenefitAmendedData]?: BenefitAmendedData[K] } = {};
  if (data.name !== undefined && requireText(data.name, 'name') !== benefit.name) changes.name = data.name;
  if (data.owner !== undefined) {
    const owner = requireOwner(data.owner);
    if (!deepEqual(owner, benefit.owner)) changes.owner = owner;
  }
  if (data.baseline !== undefined) {
    const baseline = requireBaseline(data.baseline, benefit.kind);
    if (!deepEqual(baseline, benefit.baseline)) changes.baseline = baseline;
  }
  if (data.plan !== undefined) {
    const plan = requirePlan(data.plan, benefit.periodicity, benefit.kind);
    if (!deepEqual(plan, benefit.plan)) changes.plan = plan;
  }
  if (data.dueAfterDays !== undefined && requireDueAfterDays(data.dueAfterDays) !== benefit.dueAfterDays) changes.dueAfterDays = data.dueAfterDays;
  if (Object.keys(changes).length === 0) return [];
  return [{ type: BusinessCaseEventType.BenefitAmended, data: { projectId: state.projectId, benefitId: benefit.benefitId, ...changes, reason } }];
}

function measure({ data }: RecordMeasurement, state: PreparedBusinessCase): BusinessCaseEvent[] {
  const benefit = findBenefit(state, data.benefitId);
  const measurementId = requireText(data.measurementId, 'measurementId');
  if (!isPeriod(data.period, benefit.periodicity)) {
    throw new InvalidBenefitRequest('period', `must be a ${benefit.periodicity}, ${PERIOD_FORMATS[benefit.periodicity]}, from 2000 to 2100`);
  }
  const value = requireValue(data.value, 'value', benefit.kind, false);
  const measuredOn = requirePastDate(data.measuredOn, 'measuredOn', data.today);
  if (measuredOn <= periodEnd(data.period, benefit.periodicity)) {
    throw new InvalidBenefitRequest('measuredOn', `must be after ${periodEnd(data.period, benefit.periodicity)}, the last day of ${data.period}: a period is measured once it has ended`);
  }
  const measurement = {
    measurementId,
    period: data.period,
    value,
    measuredOn,
    note: optionalText(data.note),
    corrects: optionalText(data.corrects),
    reason: optionalText(data.reason),
  };
  const same = benefit.measurements.find((m) => m.measurementId === measurementId);
  if (same) {
    if (deepEqual(same, measurement)) return []; // a retry of the same measurement
    throw new InvalidBenefitRequest('measurementId', 'is the id of another measurement');
  }
  const current = benefit.measurements.filter((m) => m.period === data.period).at(-1) ?? null;
  if (measurement.corrects === null) {
    if (current) throw new MeasurementConflict(benefit.benefitId, data.period, current.measurementId, `is measured already (${current.measurementId}): a correction names it in corrects`);
  } else {
    if (!current || current.measurementId !== measurement.corrects) {
      throw new MeasurementConflict(benefit.benefitId, data.period, current?.measurementId ?? null, `corrects must name the period's current measurement`);
    }
    if (measurement.reason === null) throw new InvalidBenefitRequest('reason', 'a correction needs a reason');
    if (measuredOn < current.measuredOn) throw new InvalidBenefitRequest('measuredOn', `must not be before ${current.measuredOn}, when the corrected measurement was taken`);
  }
  return [{ type: BusinessCaseEventType.BenefitMeasured, data: { projectId: state.projectId, benefitId: benefit.benefitId, ...measurement } }];
}

function findBenefit(state: PreparedBusinessCase, benefitId: string): Benefit {
  const benefit = state.benefits.find((b) => b.benefitId === benefitId);
  if (!benefit) throw new BenefitNotFound(state.projectId, benefitId);
  return benefit;
}

function requireOwner(owner: BenefitOwner): BenefitOwner {
  if (typeof owner !== 'object' || owner === null) throw new InvalidBenefitRequest('owner', 'needs a person: a benefit without an owner is never followed up');
  return { person: requirePerson(owner.person, 'owner.person') };
}

function requireBaseline(baseline: BaselineInput, kind: BenefitKind): Baseline {
  if (typeof baseline !== 'object' || baseline === null) throw new InvalidBenefitRequest('baseline', 'needs a value and the day it was measured');
  return { value: requireValue(baseline.value, 'baseline.value', kind, true), on: requireDate(baseline.on, 'baseline.on'), description: optionalText(baseline.description) };
}

/** Economic and FTE values are amounts (øre, hundredths): never negative in a plan or baseline. */
function requireValue(value: unknown, field: string, kind: BenefitKind, planned: boolean): number {
  return requireWhole(value, field, planned && kind !== 'qualitative' ? 0 : Number.MIN_SAFE_INTEGER);
}

function requirePlan(plan: readonly PlannedValue[], periodicity: Periodicity, kind: BenefitKind): Record<Period, number> {
  if (!Array.isArray(plan) || plan.length === 0) throw new InvalidBenefitRequest('plan', 'must plan at least one period');
  if (plan.length > MAX_PLAN_PERIODS) throw new InvalidBenefitRequest('plan', `must plan at most ${MAX_PLAN_PERIODS} periods`);
  const planned: Record<Period, number> = {};
  plan.forEach((entry, i) => {
    if (!isPeriod(entry?.period, periodicity)) throw new InvalidBenefitRequest(`plan.${i}.period`, `must be a ${periodicity}, ${PERIOD_FORMATS[periodicity]}, from 2000 to 2100`);
    if (entry.period in planned) throw new InvalidBenefitRequest(`plan.${i}.period`, `plans ${entry.period} twice`);
    planned[entry.period] = requireValue(entry.value, `plan.${i}.value`, kind, true);
  });
  return Object.fromEntries(Object.keys(planned).sort().map((p) => [p, planned[p]]));
}

function requireDueAfterDays(days: number): number {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DUE_AFTER_DAYS) throw new InvalidBenefitRequest('dueAfterDays', `must be whole days from 0 to ${MAX_DUE_AFTER_DAYS}`);
  return days;
}

function requireQualitative(list: readonly string[]): string[] {
  if (!Array.isArray(list) || list.length > MAX_QUALITATIVE) throw new InvalidBenefitRequest('qualitativeBenefits', `must be a list of at most ${MAX_QUALITATIVE} texts`);
  return list.map((text, i) => requireText(text, `qualitativeBenefits.${i}`));
}
