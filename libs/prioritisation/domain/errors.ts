import { DomainError } from '../../shared-kernel/domain-error.js';

export { DomainError };

/** A model definition breaks a rule. `field` is a dot path into the definition (e.g. `criteria.2.weight`). */
export class InvalidScoringModel extends DomainError {
  override readonly code = 'invalid_scoring_model';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidScoringModel';
  }
}

export class ScoringModelNotFound extends DomainError {
  override readonly code = 'scoring_model_not_found';

  constructor(readonly modelId: string) {
    super(`scoring model ${modelId} does not exist`);
    this.name = 'ScoringModelNotFound';
  }
}

export class ScoringModelAlreadyExists extends DomainError {
  override readonly code = 'scoring_model_already_exists';

  constructor(readonly modelId: string) {
    super(`scoring model ${modelId} already exists`);
    this.name = 'ScoringModelAlreadyExists';
  }
}

/** A retired model keeps its versions for the record but takes no revisions and no new assessments. */
export class ScoringModelIsRetired extends DomainError {
  override readonly code = 'scoring_model_retired';

  constructor(readonly modelId: string) {
    super(`scoring model ${modelId} is retired`);
    this.name = 'ScoringModelIsRetired';
  }
}

export class ScoringModelVersionNotFound extends DomainError {
  override readonly code = 'scoring_model_version_not_found';

  constructor(
    readonly modelId: string,
    readonly version: number,
  ) {
    super(`scoring model ${modelId} has no version ${version}`);
    this.name = 'ScoringModelVersionNotFound';
  }
}

/** New assessments use the version in force; older versions stay readable for the rankings made with them. */
export class OutdatedScoringModelVersion extends DomainError {
  override readonly code = 'outdated_scoring_model_version';

  constructor(
    readonly modelId: string,
    readonly version: number,
    readonly currentVersion: number,
  ) {
    super(`scoring model ${modelId} version ${version} has been superseded by version ${currentVersion}`);
    this.name = 'OutdatedScoringModelVersion';
  }
}

/** A score set breaks a rule. `field` names the criterion as `scores.<criterionId>`, or another command field. */
export class InvalidScoreSet extends DomainError {
  override readonly code = 'invalid_score_set';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidScoreSet';
  }
}

/** An input to a ranking is unusable (duplicate proposal, bad timestamp, a score the model cannot hold). */
export class InvalidRankingEntry extends DomainError {
  override readonly code = 'invalid_ranking_entry';

  constructor(
    readonly proposalId: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`proposal ${proposalId}, ${field}: ${reason}`);
    this.name = 'InvalidRankingEntry';
  }
}

/** The stored history cannot be replayed (e.g. a revision before the definition): a defect, not a user error. */
export class InconsistentPrioritisationHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentPrioritisationHistory';
  }
}
