import {
  emptyProposalForm,
  isSectionKey,
  PROPOSAL_FORM_KEYS,
  type ProposalForm,
  type SectionKey,
} from './proposal-form.js';

/**
 * A partial form. Merge semantics (used by amendments and by drafting):
 * - a key that is absent or `undefined` leaves the answer as it is;
 * - a section (see SECTION_KEYS) is merged field by field, one level deep;
 * - every other value, including `null`, a list, a Money or a Person, replaces the current answer as a whole
 *   (so `null` clears an answer and a list is never merged element by element).
 */
export type ProposalFormPatch = {
  readonly [K in keyof ProposalForm]?: K extends SectionKey ? Partial<ProposalForm[K]> : ProposalForm[K];
};

/** What drafting needs: a title and a department; any other answer may be given already. */
export type DraftProposalForm = ProposalFormPatch & Pick<ProposalForm, 'title' | 'departmentId'>;

export function mergeProposalForm(form: ProposalForm, patch: ProposalFormPatch): ProposalForm {
  const merged: Record<string, unknown> = { ...form };
  for (const key of PROPOSAL_FORM_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    merged[key] = isSectionKey(key) ? mergeSection(form[key], value as Partial<ProposalForm[SectionKey]>) : value;
  }
  return merged as unknown as ProposalForm;
}

/** The complete form of a new draft: unstated answers become `null` (or false, or empty lists). */
export function completeDraftForm(draft: DraftProposalForm): ProposalForm {
  return mergeProposalForm(emptyProposalForm(draft.title, draft.departmentId), draft);
}

// Only the section's own fields are taken, so unknown keys in a patch never reach the stored form.
function mergeSection<S extends object>(section: S, patch: Partial<S>): S {
  const merged = { ...section };
  for (const field of Object.keys(section) as (keyof S)[]) {
    const value = patch[field];
    if (value !== undefined) merged[field] = value as S[keyof S];
  }
  return merged;
}
