import type { ProposalForm } from './proposal-form.js';

/** The six criteria that make a need a portfolio project (DOMAIN.md, "What counts as a project"; seed 002 p. 8). */
export const CRITERION_IDS = [
  'required_by_law',
  'cross_departmental',
  'complex',
  'cost_above_threshold',
  'time_bound',
  'hours_above_threshold',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** DKK 500,000 in øre; the criterion is "more than", so exactly this amount does not meet it. */
export const COST_THRESHOLD_DKK_MINOR = 50_000_000;
/** The criterion is "more than 300 hours". */
export const HOURS_THRESHOLD = 300;

export interface CriterionResult {
  readonly id: CriterionId;
  readonly met: boolean;
  /** False when the form lacks what the criterion needs (or, for cost, states it in a currency other than DKK). */
  readonly evaluable: boolean;
  readonly reason: string;
}

export type Classification = 'portfolio_project' | 'ordinary_operations';

export interface ProjectClassification {
  readonly isProject: boolean;
  readonly criteriaMet: readonly CriterionId[];
  readonly criteria: readonly CriterionResult[];
  readonly classification: Classification;
}

/** One or more criteria met makes a project; none makes it ordinary operations, outside the portfolio. */
export function classifyProposal(form: ProposalForm): ProjectClassification {
  const criteria = [
    requiredByLaw(form),
    crossDepartmental(form),
    complex(form),
    costAboveThreshold(form),
    timeBound(form),
    hoursAboveThreshold(form),
  ];
  const criteriaMet = criteria.filter((c) => c.met).map((c) => c.id);
  const isProject = criteriaMet.length > 0;
  return { isProject, criteriaMet, criteria, classification: isProject ? 'portfolio_project' : 'ordinary_operations' };
}

function requiredByLaw(form: ProposalForm): CriterionResult {
  const { required, legalBasis } = form.legalRequirement;
  const reason = required ? `required by law${legalBasis ? ` (${legalBasis})` : ''}` : 'not stated as required by law';
  return { id: 'required_by_law', met: required, evaluable: true, reason };
}

function crossDepartmental(form: ProposalForm): CriterionResult {
  const others = form.crossDepartmental.departmentIds.filter((id) => id !== form.departmentId);
  const met = form.crossDepartmental.declared || others.length > 0;
  const reason =
    others.length > 0
      ? `involves other departments: ${others.join(', ')}`
      : met
        ? 'declared as cutting across departments'
        : 'involves no other department';
  return { id: 'cross_departmental', met, evaluable: true, reason };
}

function complex(form: ProposalForm): CriterionResult {
  const kinds = (['process', 'organisation', 'systems'] as const).filter((kind) => form.complexity[kind]);
  const met = kinds.length > 0;
  const reason = met ? `complex in: ${kinds.join(', ')}` : 'complex in neither process, organisation nor systems';
  return { id: 'complex', met, evaluable: true, reason };
}

function costAboveThreshold(form: ProposalForm): CriterionResult {
  const id = 'cost_above_threshold';
  const amounts = [form.investment.developmentCost, form.investment.yearlyOperationsCost].filter((m) => m !== null);
  if (amounts.length === 0) return { id, met: false, evaluable: false, reason: 'no development or operations cost stated' };
  const foreign = amounts.find((m) => m.currency !== 'DKK');
  if (foreign) {
    const reason = `cost is stated in ${foreign.currency}; the DKK 500,000 threshold is not evaluated without a conversion`;
    return { id, met: false, evaluable: false, reason };
  }
  // What the need costs: development plus the first year of operations, which is certain to be incurred once built.
  const total = amounts.reduce((sum, m) => sum + m.amountMinor, 0);
  const met = total > COST_THRESHOLD_DKK_MINOR;
  const comparison = met ? 'more than' : 'not more than';
  const reason = `development plus first-year operations DKK ${formatMinor(total)} is ${comparison} DKK 500,000.00`;
  return { id, met, evaluable: true, reason };
}

function timeBound(form: ProposalForm): CriterionResult {
  const { plannedStart, plannedEnd } = form.schedule;
  const met = plannedStart !== null && plannedEnd !== null;
  const reason = met ? `planned from ${plannedStart} to ${plannedEnd}` : 'has no planned start and end';
  return { id: 'time_bound', met, evaluable: true, reason };
}

function hoursAboveThreshold(form: ProposalForm): CriterionResult {
  const id = 'hours_above_threshold';
  const hours = form.estimatedHours;
  if (hours === null) return { id, met: false, evaluable: false, reason: 'no estimated hours stated' };
  const met = hours > HOURS_THRESHOLD;
  return { id, met, evaluable: true, reason: `${hours} hours is ${met ? 'more than' : 'not more than'} ${HOURS_THRESHOLD}` };
}

function formatMinor(amountMinor: number): string {
  return `${Math.trunc(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, '0')}`;
}
