import { describe, expect, it } from '@jest/globals';
import { deepEqual } from '../../shared-kernel/deep-equal.js';
import { emptyProposalForm, PROPOSAL_FORM_KEYS, SECTION_KEYS } from './proposal-form.js';
import { diffProposalForms } from './proposal-form-diff.js';
import { completeDraftForm, mergeProposalForm, type ProposalFormPatch } from './proposal-form-merge.js';
import { aCompleteForm, dkk } from './testing-fixtures.js';

describe('mergeProposalForm', () => {
  const form = aCompleteForm({ crossCutting: { solutions: ['Single sign-on'], integrations: ['CPR'] } });

  it('leaves absent and undefined answers as they are', () => {
    expect(mergeProposalForm(form, {})).toEqual(form);
    expect(mergeProposalForm(form, { title: undefined, investment: { developmentCost: undefined } })).toEqual(form);
  });

  it('merges a section field by field', () => {
    const merged = mergeProposalForm(form, { investment: { developmentCost: dkk(1) } });
    expect(merged.investment).toEqual({ ...form.investment, developmentCost: dkk(1) });
  });

  it('replaces lists, money and persons whole, and clears with null', () => {
    const merged = mergeProposalForm(form, {
      crossCutting: { solutions: [] },
      systemOwner: { person: { name: 'Ole', email: 'ole@herning.dk' } },
      investment: { yearlyOperationsCost: null },
    });
    expect(merged.crossCutting).toEqual({ solutions: [], integrations: ['CPR'] });
    expect(merged.systemOwner.person).toEqual({ name: 'Ole', email: 'ole@herning.dk' });
    expect(merged.investment.yearlyOperationsCost).toBeNull();
  });

  it('ignores keys that are not part of the form', () => {
    const patch = { colour: 'red', need: { horizon: 'ten years' } } as unknown as ProposalFormPatch;
    expect(mergeProposalForm(form, patch)).toEqual(form);
  });

  it('does not change the form it merges into', () => {
    const before = structuredClone(form);
    mergeProposalForm(form, { need: { oneYear: 'other' }, title: 'other' });
    expect(form).toEqual(before);
  });
});

describe('completeDraftForm', () => {
  it('fills every unstated answer', () => {
    expect(completeDraftForm({ title: 't', departmentId: 'd' })).toEqual(emptyProposalForm('t', 'd'));
    expect(Object.keys(emptyProposalForm('t', 'd'))).toEqual(PROPOSAL_FORM_KEYS);
    expect(SECTION_KEYS.every((key) => typeof emptyProposalForm('t', 'd')[key] === 'object')).toBe(true);
  });
});

describe('diffProposalForms', () => {
  it('names changed answers by dot path and gives a patch of only those', () => {
    const before = aCompleteForm();
    const after = mergeProposalForm(before, { title: 'New', schedule: { plannedStart: '2026-01-01' } });
    expect(diffProposalForms(before, after)).toEqual({
      changes: [
        { field: 'title', from: before.title, to: 'New' },
        { field: 'schedule.plannedStart', from: null, to: '2026-01-01' },
      ],
      patch: { title: 'New', schedule: { plannedStart: '2026-01-01' } },
    });
  });

  it('finds nothing between equal forms', () => {
    expect(diffProposalForms(aCompleteForm(), structuredClone(aCompleteForm()))).toEqual({ changes: [], patch: {} });
  });
});

describe('deepEqual', () => {
  it('compares structure, treating undefined keys as absent and list order as significant', () => {
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(dkk(1), { amountMinor: 100, currency: 'NOK' })).toBe(false);
  });
});
