import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import { BusinessCaseCommandType } from './commands.js';
import { businessCaseDecider } from './decider.js';
import { BenefitIdInUse, BenefitNotFound, BusinessCaseAlreadyPrepared, BusinessCaseNotFound, InvalidBenefitRequest, MeasurementConflict } from './errors.js';
import { BusinessCaseEventType } from './events.js';
import { dkk, measure, measured, OWNER, prepared, PROJECT_ID, savingsDefined } from './testing-fixtures.js';

const given = deciderSpec(businessCaseDecider);
const prepare = (overrides: Record<string, unknown> = {}) => {
  const { data } = prepared() as unknown as { data: Record<string, unknown> };
  return { type: BusinessCaseCommandType.Prepare, data: { ...data, ...overrides } } as never;
};
const define = (overrides: Record<string, unknown> = {}) =>
  ({
    type: BusinessCaseCommandType.DefineBenefit,
    data: {
      projectId: PROJECT_ID,
      benefitId: 'savings',
      name: 'Lavere driftsudgifter',
      kind: 'economic',
      owner: OWNER,
      baseline: { value: 0, on: '2012-12-31' },
      periodicity: 'year',
      plan: [
        { period: '2015', value: 590_000_000 },
        { period: '2014', value: 295_000_000 },
      ],
      ...overrides,
    },
  }) as never;

describe('PrepareBusinessCase', () => {
  it('prepares one business case per project: investment, yearly gain, FTE, qualitative benefits', () => {
    given([]).when(prepare()).then([prepared()]);
    given([prepared()]).when(prepare()).then(new BusinessCaseAlreadyPrepared(PROJECT_ID));
  });

  it('keeps one currency and whole øre', () => {
    given([]).when(prepare({ expectedYearlyGain: { amountMinor: 1, currency: 'EUR' } })).then(new InvalidBenefitRequest('expectedYearlyGain.currency', "must be DKK, the business case's currency"));
    given([]).when(prepare({ investment: { amountMinor: 0.5, currency: 'DKK' } })).then(new InvalidBenefitRequest('investment.amountMinor', 'must be a whole number of minor units, at least 0'));
    given([]).when(prepare({ expectedFteReductionHundredths: -1 })).then(new InvalidBenefitRequest('expectedFteReductionHundredths', 'must be a whole number, at least 0'));
  });
});

describe('ReviseBusinessCase and RecordInvestmentActual', () => {
  it('records only what changed, with the reason; nothing when nothing changed', () => {
    const revise = (data: Record<string, unknown>) => ({ type: BusinessCaseCommandType.Revise, data: { projectId: PROJECT_ID, reason: 'Pre-analysis', ...data } }) as never;
    given([prepared()])
      .when(revise({ investment: dkk(12_500_000), expectedYearlyGain: dkk(5_900_000) }))
      .then([{ type: BusinessCaseEventType.Revised, data: { projectId: PROJECT_ID, investment: dkk(12_500_000), reason: 'Pre-analysis' } }]);
    given([prepared()]).when(revise({ investment: dkk(12_000_000) })).then([]);
    given([]).when(revise({})).then(new BusinessCaseNotFound(PROJECT_ID));
  });

  it('records what the investment cost as of a day, never in the future nor before the latest figure', () => {
    const record = (recordedOn: string) => ({ type: BusinessCaseCommandType.RecordInvestmentActual, data: { projectId: PROJECT_ID, amount: dkk(9_000_000), recordedOn, today: '2026-01-01' } }) as never;
    const recorded = { type: BusinessCaseEventType.InvestmentActualRecorded, data: { projectId: PROJECT_ID, amount: dkk(9_000_000), recordedOn: '2014-06-30', note: null } } as const;
    given([prepared()]).when(record('2014-06-30')).then([recorded]);
    given([prepared()]).when(record('2026-01-02')).then(new InvalidBenefitRequest('recordedOn', 'must not be after today (2026-01-01)'));
    given([prepared(), recorded]).when(record('2014-01-01')).then(new InvalidBenefitRequest('recordedOn', "must not be before 2014-06-30, the latest figure's day"));
  });
});

describe('DefineBenefit', () => {
  it('defines a benefit with owner, baseline and the plan ordered by period; a retry records nothing', () => {
    given([prepared()]).when(define()).then([savingsDefined()]);
    given([prepared(), savingsDefined()]).when(define()).then([]);
    given([prepared(), savingsDefined()]).when(define({ name: 'Other' })).then(new BenefitIdInUse('savings'));
  });

  it.each<[string, Record<string, unknown>, InvalidBenefitRequest]>([
    ['no owner', { owner: null }, new InvalidBenefitRequest('owner', 'needs a person: a benefit without an owner is never followed up')],
    ['an owner without an email', { owner: { person: { name: 'X', email: '' } } }, new InvalidBenefitRequest('owner.person.email', 'must not be empty')],
    ['a plan period of another length', { plan: [{ period: '2015-Q1', value: 1 }] }, new InvalidBenefitRequest('plan.0.period', 'must be a year, YYYY, from 2000 to 2100')],
    ['a period planned twice', { plan: [{ period: '2015', value: 1 }, { period: '2015', value: 2 }] }, new InvalidBenefitRequest('plan.1.period', 'plans 2015 twice')],
    ['a negative planned saving', { plan: [{ period: '2015', value: -1 }] }, new InvalidBenefitRequest('plan.0.value', 'must be a whole number, at least 0')],
    ['a qualitative benefit without a unit', { kind: 'qualitative' }, new InvalidBenefitRequest('unit', 'must not be empty')],
    ['a baseline day that does not exist', { baseline: { value: 0, on: '2013-02-29' } }, new InvalidBenefitRequest('baseline.on', 'must be a date, YYYY-MM-DD')],
  ])('refuses %s', (_what, overrides, error) => {
    given([prepared()]).when(define(overrides)).then(error);
  });
});

describe('RecordMeasurement', () => {
  const history = [prepared(), savingsDefined()];

  it('records the actual of an ended period, measured after its last day', () => {
    given(history).when(measure()).then([measured('m1', '2014', 310_000_000, '2015-02-15')]);
    given(history).when(measure({ measuredOn: '2014-12-31' })).then(
      new InvalidBenefitRequest('measuredOn', 'must be after 2014-12-31, the last day of 2014: a period is measured once it has ended'),
    );
    given(history).when(measure({ measuredOn: '2026-01-02' })).then(new InvalidBenefitRequest('measuredOn', 'must not be after today (2026-01-01)'));
    given(history).when(measure({ benefitId: 'other' })).then(new BenefitNotFound(PROJECT_ID, 'other'));
  });

  it('corrects the current measurement of a period with a new event that names it and says why', () => {
    const withFirst = [...history, measured('m1', '2014', 310_000_000, '2015-02-15')];
    given(withFirst).when(measure({ measurementId: 'm2', value: 1, measuredOn: '2015-03-01' })).then(
      new MeasurementConflict('savings', '2014', 'm1', 'is measured already (m1): a correction names it in corrects'),
    );
    given(withFirst).when(measure({ measurementId: 'm2', measuredOn: '2015-05-01', corrects: 'm1' })).then(new InvalidBenefitRequest('reason', 'a correction needs a reason'));
    given(withFirst)
      .when(measure({ measurementId: 'm2', measuredOn: '2015-02-01', corrects: 'm1', reason: 'x' }))
      .then(new InvalidBenefitRequest('measuredOn', 'must not be before 2015-02-15, when the corrected measurement was taken'));
    const corrected = measured('m2', '2014', 330_000_000, '2015-05-01', 'm1', 'Booked late');
    given(withFirst).when(measure({ measurementId: 'm2', value: 330_000_000, measuredOn: '2015-05-01', corrects: 'm1', reason: 'Booked late' })).then([corrected]);
    // only the current one may be corrected
    given([...withFirst, corrected])
      .when(measure({ measurementId: 'm3', measuredOn: '2015-06-01', corrects: 'm1', reason: 'x' }))
      .then(new MeasurementConflict('savings', '2014', 'm2', "corrects must name the period's current measurement"));
  });

  it('records nothing for a retry of the same measurement', () => {
    given([...history, measured('m1', '2014', 310_000_000, '2015-02-15')]).when(measure()).then([]);
  });
});
