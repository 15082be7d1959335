/** Builders for the benefits domain's specs. Test-only (excluded from the build). */
import type { Money } from '../../shared-kernel/money.js';
import { BusinessCaseCommandType, type BusinessCaseCommand } from './commands.js';
import { BusinessCaseEventType, type BusinessCaseEvent } from './events.js';

export const PROJECT_ID = 'project-1';
export const OWNER = { person: { name: 'Peter Olrik', email: 'peter.olrik@egedal.dk' } };
export const dkk = (kroner: number): Money => ({ amountMinor: kroner * 100, currency: 'DKK' });

export const prepared = (): BusinessCaseEvent => ({
  type: BusinessCaseEventType.Prepared,
  data: {
    projectId: PROJECT_ID,
    organisationId: 'it-forsyningen',
    forumId: 'board',
    investment: dkk(12_000_000),
    expectedYearlyGain: dkk(5_900_000),
    expectedFteReductionHundredths: 500,
    qualitativeBenefits: ['Mindre sårbarhed'],
  },
});

export const savingsDefined = (plan: Record<string, number> = { 2014: 295_000_000, 2015: 590_000_000 }): BusinessCaseEvent => ({
  type: BusinessCaseEventType.BenefitDefined,
  data: {
    projectId: PROJECT_ID,
    benefitId: 'savings',
    name: 'Lavere driftsudgifter',
    kind: 'economic',
    unit: null,
    owner: OWNER,
    baseline: { value: 0, on: '2012-12-31', description: null },
    periodicity: 'year',
    plan,
    dueAfterDays: 60,
  },
});

export const measure = (overrides: Record<string, unknown> = {}): BusinessCaseCommand => ({
  type: BusinessCaseCommandType.RecordMeasurement,
  data: { projectId: PROJECT_ID, benefitId: 'savings', measurementId: 'm1', period: '2014', value: 310_000_000, measuredOn: '2015-02-15', today: '2026-01-01', ...overrides },
});

export const measured = (measurementId: string, period: string, value: number, measuredOn: string, corrects: string | null = null, reason: string | null = null): BusinessCaseEvent => ({
  type: BusinessCaseEventType.BenefitMeasured,
  data: { projectId: PROJECT_ID, benefitId: 'savings', measurementId, period, value, measuredOn, note: null, corrects, reason },
});
