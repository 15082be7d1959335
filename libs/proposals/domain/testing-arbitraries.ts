/** fast-check generators of valid proposal forms and amendments, for property tests. Not part of the public API. */
import fc from 'fast-check';
import { COST_THRESHOLD_DKK_MINOR } from './project-criteria.js';
import {
  CURRENCIES,
  INVESTMENT_AREAS,
  isSectionKey,
  PROPOSAL_FORM_KEYS,
  type Currency,
  type IsoDate,
  type Money,
  type ProposalForm,
} from './proposal-form.js';
import type { ProposalFormPatch } from './proposal-form-merge.js';

export const DEPARTMENTS = ['citizen-service', 'children', 'culture', 'social', 'technical'] as const;

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const optionalText = fc.option(text, { nil: null });
const person = fc.record({ name: text, email: fc.emailAddress() });

/** Amounts anywhere in the safe range, biased towards the DKK 500,000 threshold. */
export const amountMinor = fc.oneof(
  fc.integer({ min: 0, max: 2 * COST_THRESHOLD_DKK_MINOR }),
  fc.integer({ min: COST_THRESHOLD_DKK_MINOR - 3, max: COST_THRESHOLD_DKK_MINOR + 3 }),
  fc.maxSafeNat(),
);

/** Hours biased towards the 300-hour threshold. */
export const hours = fc.oneof(fc.nat(1000), fc.constantFrom(299, 300, 301), fc.maxSafeNat());

export const isoDate: fc.Arbitrary<IsoDate> = fc
  .integer({ min: 0, max: 4000 })
  .map((days) => new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

const schedule = fc
  .tuple(fc.option(isoDate, { nil: null }), fc.option(isoDate, { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && b < a ? { plannedStart: b, plannedEnd: a } : { plannedStart: a, plannedEnd: b }));

function money(currency: Currency): fc.Arbitrary<Money> {
  return amountMinor.map((amount) => ({ amountMinor: amount, currency }));
}

/** Valid forms (development and operations share one currency). `complete` gives what a submission requires. */
export function proposalFormArb(options: { complete?: boolean; currencies?: readonly Currency[] } = {}): fc.Arbitrary<ProposalForm> {
  const required = <T>(arb: fc.Arbitrary<T>) => (options.complete ? arb : fc.option(arb, { nil: null }));
  return fc.constantFrom(...(options.currencies ?? CURRENCIES)).chain((currency) =>
    fc.record<ProposalForm>({
      title: text,
      summary: optionalText,
      departmentId: fc.constantFrom(...DEPARTMENTS),
      need: fc.record({ oneYear: required(text), multiYear: optionalText }),
      investment: fc.record({
        developmentCost: required(money(currency)),
        yearlyOperationsCost: fc.option(money(currency), { nil: null }),
        softwareAndHardware: optionalText,
      }),
      users: optionalText,
      businessValue: fc.record({ expected: required(text), businessGoals: fc.array(text, { maxLength: 3 }) }),
      ownResources: fc.record({ description: optionalText, hours: fc.option(hours, { nil: null }) }),
      crossCutting: fc.record({ solutions: fc.array(text, { maxLength: 3 }), integrations: fc.array(text, { maxLength: 3 }) }),
      systemOwner: fc.record({ person: required(person) }),
      projectLeadership: fc.array(fc.record({ person, role: text }), { maxLength: 3 }),
      schedule,
      estimatedHours: fc.option(hours, { nil: null }),
      legalRequirement: fc.record({ required: fc.boolean(), legalBasis: optionalText }),
      crossDepartmental: fc.record({
        declared: fc.boolean(),
        departmentIds: fc.uniqueArray(fc.constantFrom(...DEPARTMENTS), { maxLength: 3 }),
      }),
      complexity: fc.record({ process: fc.boolean(), organisation: fc.boolean(), systems: fc.boolean() }),
      investmentArea: fc.option(fc.constantFrom(...INVESTMENT_AREAS), { nil: null }),
    }),
  );
}

/** Valid forms that meet none of the six criteria. */
export const ordinaryOperationsFormArb: fc.Arbitrary<ProposalForm> = fc
  .record({
    form: proposalFormArb(),
    currency: fc.constantFrom(...CURRENCIES),
    development: fc.option(fc.nat(COST_THRESHOLD_DKK_MINOR / 2), { nil: null }),
    operations: fc.option(fc.nat(COST_THRESHOLD_DKK_MINOR / 2), { nil: null }),
    onlyDate: fc.option(isoDate, { nil: null }),
    startKnown: fc.boolean(),
    estimatedHours: fc.option(fc.nat(300), { nil: null }),
    listsOwnDepartment: fc.boolean(),
  })
  .map(({ form, currency, development, operations, onlyDate, startKnown, estimatedHours, listsOwnDepartment }) => {
    const toMoney = (amount: number | null) => (amount === null ? null : { amountMinor: amount, currency });
    return {
      ...form,
      investment: { ...form.investment, developmentCost: toMoney(development), yearlyOperationsCost: toMoney(operations) },
      schedule: startKnown ? { plannedStart: onlyDate, plannedEnd: null } : { plannedStart: null, plannedEnd: onlyDate },
      estimatedHours,
      legalRequirement: { ...form.legalRequirement, required: false },
      crossDepartmental: { declared: false, departmentIds: listsOwnDepartment ? [form.departmentId] : [] },
      complexity: { process: false, organisation: false, systems: false },
    };
  });

const ABSENT = Symbol('absent');

/**
 * Amendments taking some answers from `source`: for each top-level key the answer, a subset of a section's fields,
 * an explicit `undefined`, or nothing.
 */
export function subPatchOf(source: ProposalForm): fc.Arbitrary<ProposalFormPatch> {
  const perKey = PROPOSAL_FORM_KEYS.map((key) => {
    const value = source[key];
    const given = isSectionKey(key)
      ? fc.subarray(Object.keys(value as object)).map((fields) => Object.fromEntries(fields.map((f) => [f, (value as never)[f]])))
      : fc.constant(value);
    return fc.oneof(given, fc.constant(undefined), fc.constant(ABSENT)).map((v) => [key, v] as const);
  });
  return fc.tuple(...perKey).map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== ABSENT)) as ProposalFormPatch);
}
