import type { ProposalForm } from './proposal-form.js';
import { isBlank } from './validate-proposal-form.js';

/** The answers a submitted proposal must have (a draft may lack them). Dot paths, in form order. */
export const FIELDS_REQUIRED_FOR_SUBMISSION = [
  'title',
  'departmentId',
  'need.oneYear',
  'investment.developmentCost',
  'systemOwner.person',
  'businessValue.expected',
] as const;

export function missingFieldsForSubmission(form: ProposalForm): string[] {
  const present: Record<(typeof FIELDS_REQUIRED_FOR_SUBMISSION)[number], boolean> = {
    title: !isBlank(form.title),
    departmentId: !isBlank(form.departmentId),
    'need.oneYear': !isBlank(form.need.oneYear),
    'investment.developmentCost': form.investment.developmentCost !== null,
    'systemOwner.person': form.systemOwner.person !== null,
    'businessValue.expected': !isBlank(form.businessValue.expected),
  };
  return FIELDS_REQUIRED_FOR_SUBMISSION.filter((field) => !present[field]);
}
