import { describe, expect, it } from '@jest/globals';
import { InconsistentProposalHistory } from './errors.js';
import { ProposalEventType, type ProposalEvent } from './events.js';
import { evolve } from './evolve.js';
import { classifyProposal } from './project-criteria.js';
import { initialProposalState } from './proposal-state.js';
import { aCompleteForm, ORGANISATION_ID, PROPOSAL_ID, proposalDrafted, proposalSubmitted, proposalWithdrawn } from './testing-fixtures.js';

const replay = (events: ProposalEvent[]) => events.reduce(evolve, initialProposalState());

describe('evolve', () => {
  it('starts with no proposal', () => {
    expect(initialProposalState()).toEqual({ status: 'none' });
  });

  it('a draft holds the drafted form and classification', () => {
    const drafted = proposalDrafted(aCompleteForm());
    expect(replay([drafted])).toEqual({
      status: 'draft',
      proposalId: PROPOSAL_ID,
      organisationId: ORGANISATION_ID,
      form: drafted.data.form,
      classification: drafted.data.classification,
      withdrawalReason: null,
    });
  });

  it('takes the classification from the amendment as recorded, not recomputed', () => {
    const recorded = { ...classifyProposal(aCompleteForm()), classification: 'portfolio_project' as const };
    const amended: ProposalEvent = {
      type: ProposalEventType.Amended,
      data: { proposalId: PROPOSAL_ID, amendment: { users: 'Caseworkers' }, changes: [], classification: recorded },
    };
    expect(replay([proposalDrafted(aCompleteForm()), amended])).toMatchObject({
      form: { users: 'Caseworkers' },
      classification: recorded,
    });
  });

  it('submission and withdrawal change the status and keep the form', () => {
    const form = aCompleteForm();
    expect(replay([proposalDrafted(form), proposalSubmitted()])).toMatchObject({ status: 'submitted', form });
    expect(replay([proposalDrafted(form), proposalSubmitted(), proposalWithdrawn('Merged into another proposal')])).toMatchObject({
      status: 'withdrawn',
      form,
      withdrawalReason: 'Merged into another proposal',
    });
  });

  it('refuses a history that does not start with the draft, or drafts twice', () => {
    expect(() => replay([proposalSubmitted()])).toThrow(InconsistentProposalHistory);
    expect(() => replay([proposalDrafted(), proposalDrafted()])).toThrow(InconsistentProposalHistory);
  });
});
