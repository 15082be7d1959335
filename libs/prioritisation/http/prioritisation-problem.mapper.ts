import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { ProposalNotFound } from '../../proposals/domain/index.js';
import { AmbiguousScoringModel, NoScoringModelForForum, ProposalNotScorable, ScoringModelOfAnotherForum } from '../application/errors.js';
import {
  InvalidScoreSet,
  InvalidScoringModel,
  OutdatedScoringModelVersion,
  ScoringModelAlreadyExists,
  ScoringModelIsRetired,
  ScoringModelNotFound,
  ScoringModelVersionNotFound,
} from '../domain/index.js';

/** The domain names the assessor as a value; the API takes its kind as `assessorKind`. */
const REQUEST_FIELD: Record<string, string> = { 'assessor.kind': 'assessorKind', model: 'modelId' };

/** Prioritisation errors as problems: unknown 404, conflicts with the model's lifecycle 409, rule violations 422. */
export const prioritisationProblemMapper: ProblemMapper = (error) => {
  if (error instanceof ScoringModelNotFound) {
    return new ProblemException({ status: 404, title: 'Scoring model not found', detail: error.message, extensions: { modelId: error.modelId } });
  }
  if (error instanceof ScoringModelVersionNotFound) {
    return new ProblemException({
      status: 404,
      title: 'Scoring model version not found',
      detail: error.message,
      extensions: { modelId: error.modelId, version: error.version },
    });
  }
  if (error instanceof InvalidScoringModel) {
    return new ProblemException({ status: 422, title: 'Invalid scoring model', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof InvalidScoreSet) {
    const field = REQUEST_FIELD[error.field] ?? error.field;
    return new ProblemException({ status: 422, title: 'Invalid scores', detail: `${field}: ${error.reason}`, errors: [{ field, reason: error.reason }] });
  }
  if (error instanceof ScoringModelAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Scoring model already exists', detail: error.message });
  }
  if (error instanceof ScoringModelIsRetired) {
    return new ProblemException({ status: 409, title: 'Scoring model retired', detail: `${error.message}: it takes no revisions and no new scores.` });
  }
  if (error instanceof OutdatedScoringModelVersion) {
    return new ProblemException({
      status: 409,
      title: 'Scoring model version superseded',
      detail: `${error.message}. Score against the version in force.`,
      errors: [{ field: 'modelVersion', reason: `must be ${error.currentVersion}, the version in force` }],
      extensions: { modelId: error.modelId, currentVersion: error.currentVersion },
    });
  }
  if (error instanceof ScoringModelOfAnotherForum) {
    return new ProblemException({
      status: 422,
      title: 'Scoring model of another forum',
      detail: error.message,
      errors: [{ field: 'modelId', reason: `is a scoring model of forum ${error.modelForumId}` }],
    });
  }
  if (error instanceof NoScoringModelForForum) {
    return new ProblemException({
      status: 404,
      title: 'No scoring model',
      detail: `Forum ${error.forumId} has no active scoring model: define one with POST /v1/scoring-models.`,
      extensions: { forumId: error.forumId },
    });
  }
  if (error instanceof AmbiguousScoringModel) {
    return new ProblemException({
      status: 409,
      title: 'Several scoring models',
      detail: `Forum ${error.forumId} has several active scoring models: name the one to rank with.`,
      errors: [{ field: 'modelId', reason: `is required: one of ${error.modelIds.join(', ')}` }],
      extensions: { modelIds: error.modelIds },
    });
  }
  if (error instanceof ProposalNotScorable) {
    return new ProblemException({ status: 409, title: 'Proposal cannot be scored', detail: error.message, extensions: { currentStatus: error.status } });
  }
  if (error instanceof ProposalNotFound) {
    return new ProblemException({ status: 404, title: 'Proposal not found', detail: error.message, extensions: { proposalId: error.proposalId } });
  }
  return undefined;
};
