import { describe, expect, it } from '@jest/globals';
import {
  DomainError,
  InconsistentProposalHistory,
  IncompleteProposal,
  InvalidProposal,
  InvalidTransition,
  ProposalAlreadyExists,
  ProposalNotFound,
} from './errors.js';

describe('domain errors', () => {
  it.each([
    [new ProposalNotFound('p'), 'proposal_not_found', { proposalId: 'p' }],
    [new ProposalAlreadyExists('p'), 'proposal_already_exists', { proposalId: 'p' }],
    [new InvalidTransition('submitted', 'submitted'), 'invalid_transition', { from: 'submitted', to: 'submitted' }],
    [new IncompleteProposal(['title']), 'incomplete_proposal', { missingFields: ['title'] }],
    [new InvalidProposal('title', 'must not be empty'), 'invalid_proposal', { field: 'title', reason: 'must not be empty' }],
  ])('%s carries a stable code and its details', (error, code, details) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code, ...details, name: error.constructor.name });
  });

  it('a history that cannot be replayed is a defect, not a domain error', () => {
    expect(new InconsistentProposalHistory('ProposalSubmitted', 'none')).not.toBeInstanceOf(DomainError);
  });
});
