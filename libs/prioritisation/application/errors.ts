import { DomainError } from '../../shared-kernel/domain-error.js';

/** Application rules around the pure domain: which model a forum's ranking uses, and which proposals may be scored. */

/** The forum has no active scoring model, so it has no ranking yet. */
export class NoScoringModelForForum extends DomainError {
  override readonly code = 'no_scoring_model_for_forum';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} has no active scoring model`);
    this.name = 'NoScoringModelForForum';
  }
}

/** The forum has several active models: the caller must name one (`?modelId=`). */
export class AmbiguousScoringModel extends DomainError {
  override readonly code = 'ambiguous_scoring_model';

  constructor(
    readonly forumId: string,
    readonly modelIds: readonly string[],
  ) {
    super(`forum ${forumId} has ${modelIds.length} active scoring models; name one with modelId`);
    this.name = 'AmbiguousScoringModel';
  }
}

/** A model named in a request belongs to another forum of the organisation. */
export class ScoringModelOfAnotherForum extends DomainError {
  override readonly code = 'scoring_model_of_another_forum';

  constructor(
    readonly modelId: string,
    readonly modelForumId: string,
    readonly forumId: string,
  ) {
    super(`scoring model ${modelId} belongs to forum ${modelForumId}, not ${forumId}`);
    this.name = 'ScoringModelOfAnotherForum';
  }
}

/** A withdrawn proposal is out of the portfolio: it takes no new assessments. */
export class ProposalNotScorable extends DomainError {
  override readonly code = 'proposal_not_scorable';

  constructor(
    readonly proposalId: string,
    readonly status: string,
  ) {
    super(`proposal ${proposalId} is ${status} and cannot be scored`);
    this.name = 'ProposalNotScorable';
  }
}
