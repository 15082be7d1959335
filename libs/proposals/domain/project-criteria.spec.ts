import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { classifyProposal, COST_THRESHOLD_DKK_MINOR, CRITERION_IDS, type CriterionId } from './project-criteria.js';
import type { ProposalForm } from './proposal-form.js';
import type { ProposalFormPatch } from './proposal-form-merge.js';
import { hours, ordinaryOperationsFormArb, proposalFormArb } from './testing-arbitraries.js';
import { aCompleteForm, dkk } from './testing-fixtures.js';

const criterion = (form: ProposalForm, id: CriterionId) => classifyProposal(form).criteria.find((c) => c.id === id)!;

describe('classifyProposal: examples', () => {
  it('a form meeting no criterion is ordinary operations', () => {
    expect(classifyProposal(aCompleteForm())).toMatchObject({
      isProject: false,
      criteriaMet: [],
      classification: 'ordinary_operations',
    });
  });

  it.each<[CriterionId, ProposalFormPatch]>([
    ['required_by_law', { legalRequirement: { required: true, legalBasis: 'Lov om Digital Post § 3' } }],
    ['cross_departmental', { crossDepartmental: { declared: true } }],
    ['cross_departmental', { crossDepartmental: { departmentIds: ['children'] } }],
    ['complex', { complexity: { organisation: true } }],
    ['cost_above_threshold', { investment: { developmentCost: dkk(450_000), yearlyOperationsCost: { amountMinor: 5_000_001, currency: 'DKK' } } }],
    ['time_bound', { schedule: { plannedStart: '2026-01-01', plannedEnd: '2026-06-30' } }],
    ['hours_above_threshold', { estimatedHours: 301 }],
  ])('%s alone makes a portfolio project', (id, answers) => {
    const result = classifyProposal(aCompleteForm(answers));
    expect(result).toMatchObject({ isProject: true, criteriaMet: [id], classification: 'portfolio_project' });
  });

  it('cost exactly DKK 500,000 and exactly 300 hours are not "more than"', () => {
    const form = aCompleteForm({ investment: { developmentCost: dkk(480_000), yearlyOperationsCost: dkk(20_000) }, estimatedHours: 300 });
    expect(classifyProposal(form).criteriaMet).toEqual([]);
    expect(criterion(form, 'cost_above_threshold').reason).toBe(
      'development plus first-year operations DKK 500000.00 is not more than DKK 500,000.00',
    );
  });

  it('listing only its own department does not cut across departments', () => {
    const form = aCompleteForm({ crossDepartmental: { departmentIds: ['citizen-service'] } });
    expect(criterion(form, 'cross_departmental')).toMatchObject({ met: false, reason: 'involves no other department' });
  });

  it('only a start, or only an end, is not time-bound', () => {
    expect(criterion(aCompleteForm({ schedule: { plannedStart: '2026-01-01' } }), 'time_bound').met).toBe(false);
    expect(criterion(aCompleteForm({ schedule: { plannedEnd: '2026-01-01' } }), 'time_bound').met).toBe(false);
  });

  it('does not evaluate the DKK threshold for another currency, and says so', () => {
    const form = aCompleteForm({ investment: { developmentCost: { amountMinor: 900_000_000, currency: 'NOK' }, yearlyOperationsCost: null } });
    expect(criterion(form, 'cost_above_threshold')).toEqual({
      id: 'cost_above_threshold',
      met: false,
      evaluable: false,
      reason: 'cost is stated in NOK; the DKK 500,000 threshold is not evaluated without a conversion',
    });
  });

  it('marks criteria it lacks answers for as not evaluable', () => {
    const form = aCompleteForm({ investment: { developmentCost: null, yearlyOperationsCost: null }, estimatedHours: null });
    expect(criterion(form, 'cost_above_threshold')).toMatchObject({ met: false, evaluable: false });
    expect(criterion(form, 'hours_above_threshold')).toMatchObject({ met: false, evaluable: false });
  });
});

describe('classifyProposal: properties', () => {
  it('the cost criterion holds iff development plus first-year operations exceed 50,000,000 øre (DKK)', () => {
    fc.assert(
      fc.property(proposalFormArb({ currencies: ['DKK'] }), (form) => {
        const amounts = [form.investment.developmentCost, form.investment.yearlyOperationsCost].filter((m) => m !== null);
        const result = criterion(form, 'cost_above_threshold');
        if (amounts.length === 0) return expect(result).toMatchObject({ met: false, evaluable: false });
        const total = amounts.reduce((sum, m) => sum + m.amountMinor, 0);
        expect(result).toMatchObject({ met: total > COST_THRESHOLD_DKK_MINOR, evaluable: true });
      }),
    );
  });

  it('the cost criterion holds iff the total exceeds the threshold, at the threshold', () => {
    const nearThreshold = fc.integer({ min: COST_THRESHOLD_DKK_MINOR - 5, max: COST_THRESHOLD_DKK_MINOR + 5 });
    fc.assert(
      fc.property(nearThreshold, fc.nat(5), (total, operations) => {
        const development = Math.max(0, total - operations);
        const form = aCompleteForm({
          investment: { developmentCost: { amountMinor: development, currency: 'DKK' }, yearlyOperationsCost: { amountMinor: operations, currency: 'DKK' } },
        });
        expect(criterion(form, 'cost_above_threshold').met).toBe(development + operations > COST_THRESHOLD_DKK_MINOR);
      }),
    );
  });

  it('the cost criterion is never met, and not evaluable, outside DKK', () => {
    fc.assert(
      fc.property(proposalFormArb({ currencies: ['NOK', 'EUR'] }), (form) => {
        expect(criterion(form, 'cost_above_threshold')).toMatchObject({ met: false, evaluable: false });
      }),
    );
  });

  it('the hours criterion holds iff the estimate is more than 300 hours', () => {
    fc.assert(
      fc.property(hours, (estimatedHours) => {
        expect(criterion(aCompleteForm({ estimatedHours }), 'hours_above_threshold').met).toBe(estimatedHours > 300);
      }),
    );
  });

  it('a form meeting no criterion is always ordinary operations', () => {
    fc.assert(
      fc.property(ordinaryOperationsFormArb, (form) => {
        expect(classifyProposal(form)).toMatchObject({ isProject: false, criteriaMet: [], classification: 'ordinary_operations' });
      }),
    );
  });

  it('is a project iff some criterion is met, and lists exactly the met criteria in a fixed order', () => {
    fc.assert(
      fc.property(proposalFormArb(), (form) => {
        const result = classifyProposal(form);
        expect(result.criteria.map((c) => c.id)).toEqual(CRITERION_IDS);
        expect(result.criteriaMet).toEqual(result.criteria.filter((c) => c.met).map((c) => c.id));
        expect(result.isProject).toBe(result.criteriaMet.length > 0);
        expect(result.classification).toBe(result.isProject ? 'portfolio_project' : 'ordinary_operations');
        expect(result.criteria.every((c) => c.evaluable || !c.met)).toBe(true);
      }),
    );
  });

  it('is deterministic and does not depend on object identity', () => {
    fc.assert(
      fc.property(proposalFormArb(), (form) => {
        expect(classifyProposal(structuredClone(form))).toEqual(classifyProposal(form));
        expect(classifyProposal(JSON.parse(JSON.stringify(form)))).toEqual(classifyProposal(form));
      }),
    );
  });
});
