import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import {
  IncompleteProposal,
  InvalidProposal,
  InvalidTransition,
  ProposalAlreadyExists,
  ProposalNotFound,
} from '../domain/index.js';
import { InvalidCursorError } from '../read-models/proposal-list.query.js';

/** The proposal domain's errors as problems: unknown 404, lifecycle conflicts 409, rule violations 422. */
export const proposalProblemMapper: ProblemMapper = (error) => {
  if (error instanceof ProposalNotFound) {
    return new ProblemException({ status: 404, title: 'Proposal not found', detail: error.message, extensions: { proposalId: error.proposalId } });
  }
  if (error instanceof ProposalAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Proposal already exists', detail: error.message });
  }
  if (error instanceof InvalidTransition) {
    return new ProblemException({
      status: 409,
      title: 'Not allowed in this status',
      detail: `A ${error.from} proposal cannot be ${error.to === 'amended' ? 'amended' : `moved to ${error.to}`}.`,
      extensions: { currentStatus: error.from },
    });
  }
  if (error instanceof IncompleteProposal) {
    return new ProblemException({
      status: 422,
      title: 'Proposal incomplete',
      detail: 'A submitted proposal must answer every required question of the call.',
      errors: error.missingFields.map((field) => ({ field, reason: 'is required before the proposal can be submitted' })),
    });
  }
  if (error instanceof InvalidProposal) {
    return new ProblemException({ status: 422, title: 'Invalid proposal', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof InvalidCursorError) {
    return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  }
  return undefined;
};
