import { deepEqual } from '../../shared-kernel/deep-equal.js';
import { isSectionKey, PROPOSAL_FORM_KEYS, type ProposalForm } from './proposal-form.js';
import type { ProposalFormPatch } from './proposal-form-merge.js';

/** One changed answer. `field` is a dot path (`title`, `investment.developmentCost`); values are whole answers. */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface FormDiff {
  readonly changes: readonly FieldChange[];
  /** Only the changed answers; merging it into `before` gives `after`. */
  readonly patch: ProposalFormPatch;
}

/** Compares at the granularity the merge works at: top-level answers and section fields. */
export function diffProposalForms(before: ProposalForm, after: ProposalForm): FormDiff {
  const changes: FieldChange[] = [];
  const patch: Record<string, unknown> = {};
  for (const key of PROPOSAL_FORM_KEYS) {
    if (isSectionKey(key)) {
      const from = before[key] as unknown as Record<string, unknown>;
      const to = after[key] as unknown as Record<string, unknown>;
      const sectionPatch: Record<string, unknown> = {};
      for (const field of Object.keys(to)) {
        if (deepEqual(from[field], to[field])) continue;
        changes.push({ field: `${key}.${field}`, from: from[field] ?? null, to: to[field] });
        sectionPatch[field] = to[field];
      }
      if (Object.keys(sectionPatch).length > 0) patch[key] = sectionPatch;
    } else if (!deepEqual(before[key], after[key])) {
      changes.push({ field: key, from: before[key] ?? null, to: after[key] });
      patch[key] = after[key];
    }
  }
  return { changes, patch: patch as ProposalFormPatch };
}
