import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decide } from './decide.js';
import { InvalidProposal } from './errors.js';
import { evolve } from './evolve.js';
import { classifyProposal } from './project-criteria.js';
import { SECTION_KEYS, type ProposalForm } from './proposal-form.js';
import type { ProposalFormPatch } from './proposal-form-merge.js';
import { initialProposalState, type ExistingProposal, type ProposalState } from './proposal-state.js';
import { proposalFormArb, subPatchOf } from './testing-arbitraries.js';
import { amendProposal, proposalDrafted, proposalSubmitted } from './testing-fixtures.js';
import { validateProposalForm } from './validate-proposal-form.js';

/** The deep merge written independently of the production code: walks the patch rather than the form. */
function expectedMerge(form: ProposalForm, patch: ProposalFormPatch): ProposalForm {
  const merged = structuredClone(form) as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if ((SECTION_KEYS as readonly string[]).includes(key)) {
      for (const [field, fieldValue] of Object.entries(value as object)) {
        if (fieldValue !== undefined) merged[key][field] = fieldValue;
      }
    } else {
      merged[key] = value as Record<string, unknown>;
    }
  }
  return merged as unknown as ProposalForm;
}

function valueAt(form: ProposalForm, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], form);
}

const draftOf = (form: ProposalForm): ProposalState => evolve(initialProposalState(), proposalDrafted(form));

const amendmentOfAnotherForm = proposalFormArb().chain((current) =>
  proposalFormArb().chain((other) => subPatchOf(other).map((amendment) => ({ current, amendment }))),
);

describe('AmendProposal: properties', () => {
  it('amending then evolving gives the deep-merged form, unless the merged form breaks a rule', () => {
    fc.assert(
      fc.property(amendmentOfAnotherForm, ({ current, amendment }) => {
        const state = draftOf(current);
        const expected = expectedMerge(current, amendment);
        let events;
        try {
          events = decide(amendProposal(amendment), state);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidProposal);
          expect(() => validateProposalForm(expected)).toThrow(InvalidProposal);
          return;
        }
        const after = events.reduce(evolve, state) as ExistingProposal;
        expect(after.form).toEqual(expected);
        expect(after.classification).toEqual(classifyProposal(expected));
        expect(events.length === 0).toBe(JSON.stringify(expected) === JSON.stringify(current));
      }),
    );
  });

  it('records each change with the old and the new answer, and nothing else', () => {
    fc.assert(
      fc.property(amendmentOfAnotherForm, ({ current, amendment }) => {
        const expected = expectedMerge(current, amendment);
        fc.pre(!throws(() => validateProposalForm(expected)));
        const [event] = decide(amendProposal(amendment), draftOf(current));
        if (event === undefined) return;
        if (event.type !== 'ProposalAmended') throw new Error(`unexpected ${event.type}`);
        for (const change of event.data.changes) {
          expect(change.from).toEqual(valueAt(current, change.field));
          expect(change.to).toEqual(valueAt(expected, change.field));
          expect(change.from).not.toEqual(change.to);
        }
        expect(expectedMerge(current, event.data.amendment)).toEqual(expected);
      }),
    );
  });

  it('an amendment equal to the current answers produces no event, in draft and when submitted', () => {
    const currentWithItsOwnAnswers = proposalFormArb({ complete: true }).chain((current) =>
      subPatchOf(current).map((amendment) => ({ current, amendment })),
    );
    fc.assert(
      fc.property(currentWithItsOwnAnswers, ({ current, amendment }) => {
        const submitted = evolve(draftOf(current), proposalSubmitted());
        expect(decide(amendProposal(amendment), draftOf(current))).toEqual([]);
        expect(decide(amendProposal(structuredClone(amendment)), submitted)).toEqual([]);
      }),
    );
  });

  it('applying the same amendment twice records it once', () => {
    fc.assert(
      fc.property(amendmentOfAnotherForm, ({ current, amendment }) => {
        fc.pre(!throws(() => validateProposalForm(expectedMerge(current, amendment))));
        const state = draftOf(current);
        const once = decide(amendProposal(amendment), state).reduce(evolve, state);
        expect(decide(amendProposal(amendment), once)).toEqual([]);
      }),
    );
  });
});

function throws(action: () => void): boolean {
  try {
    action();
    return false;
  } catch {
    return true;
  }
}
