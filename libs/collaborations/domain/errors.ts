import { DomainError } from '../../shared-kernel/domain-error.js';

export { DomainError };

export class CollaborationNotFound extends DomainError {
  override readonly code = 'collaboration_not_found';

  constructor(readonly collaborationId: string) {
    super(`collaboration ${collaborationId} does not exist`);
    this.name = 'CollaborationNotFound';
  }
}

export class CollaborationAlreadyExists extends DomainError {
  override readonly code = 'collaboration_already_exists';

  constructor(readonly collaborationId: string) {
    super(`collaboration ${collaborationId} already exists`);
    this.name = 'CollaborationAlreadyExists';
  }
}

export class ProjectNotFound extends DomainError {
  override readonly code = 'collaboration_project_not_found';

  constructor(
    readonly collaborationId: string,
    readonly projectId: string,
  ) {
    super(`collaboration ${collaborationId} has no project ${projectId}`);
    this.name = 'ProjectNotFound';
  }
}

/** A command's content breaks a rule. `field` is a dot path into the request (e.g. `amount.currency`). */
export class InvalidCollaborationRequest extends DomainError {
  override readonly code = 'invalid_collaboration_request';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidCollaborationRequest';
  }
}

/** Joining while a member, leaving while not one: the membership timeline says otherwise. */
export class MembershipConflict extends DomainError {
  override readonly code = 'membership_conflict';

  constructor(
    readonly organisationId: string,
    readonly detail: string,
  ) {
    super(`${organisationId} ${detail}`);
    this.name = 'MembershipConflict';
  }
}

/** A project may start only when enough members take part to fund it (OS2, seed 001 p. 45). */
export class TooFewParticipants extends DomainError {
  override readonly code = 'too_few_participants';

  constructor(
    readonly projectId: string,
    readonly minimumParticipants: number,
    readonly participants: readonly string[],
  ) {
    super(
      `project ${projectId} needs at least ${minimumParticipants} participants to start; ` +
        `${participants.length} take part${participants.length ? ` (${participants.join(', ')})` : ''}`,
    );
    this.name = 'TooFewParticipants';
  }
}

/** Opting in or out is settled before a project starts (4K, seed 001 p. 27); started is started. */
export class ProjectAlreadyStarted extends DomainError {
  override readonly code = 'project_already_started';

  constructor(
    readonly projectId: string,
    readonly startedOn: string,
  ) {
    super(`project ${projectId} started on ${startedOn}: participation can no longer change`);
    this.name = 'ProjectAlreadyStarted';
  }
}

/** Costs and hours are recorded against a started project only. */
export class ProjectNotStarted extends DomainError {
  override readonly code = 'project_not_started';

  constructor(readonly projectId: string) {
    super(`project ${projectId} has not started: costs and hours are recorded once it has`);
    this.name = 'ProjectNotStarted';
  }
}

/** The id (project, cost, entry of hours) is taken by something else: a new one needs a new id. */
export class CollaborationIdInUse extends DomainError {
  override readonly code = 'collaboration_id_in_use';

  constructor(
    readonly field: string,
    readonly id: string,
  ) {
    super(`${field} ${id} is already used for something else`);
    this.name = 'CollaborationIdInUse';
  }
}

export class SettlementAlreadyIssued extends DomainError {
  override readonly code = 'settlement_already_issued';

  constructor(
    readonly collaborationId: string,
    readonly year: number,
  ) {
    super(`the settlement of ${year} has already been issued for collaboration ${collaborationId}`);
    this.name = 'SettlementAlreadyIssued';
  }
}

/** A cost or hours dated in a year whose settlement is issued: it would never be settled. */
export class YearAlreadySettled extends DomainError {
  override readonly code = 'year_already_settled';

  constructor(
    readonly collaborationId: string,
    readonly year: number,
    readonly field: string,
  ) {
    super(`the settlement of ${year} has already been issued for collaboration ${collaborationId}: what is dated in ${year} would never be settled`);
    this.name = 'YearAlreadySettled';
  }
}

export class SettlementNotIssued extends DomainError {
  override readonly code = 'settlement_not_issued';

  constructor(
    readonly collaborationId: string,
    readonly year: number,
  ) {
    super(`no settlement of ${year} has been issued for collaboration ${collaborationId}`);
    this.name = 'SettlementNotIssued';
  }
}

/** A split by inhabitants needs every participant's figure. */
export class MissingMemberFigure extends DomainError {
  override readonly code = 'missing_member_figure';

  constructor(
    readonly organisationId: string,
    readonly kind: string,
    readonly date: string,
  ) {
    super(`${organisationId} has no ${kind} figure in force on ${date}`);
    this.name = 'MissingMemberFigure';
  }
}

/** The stored history cannot be replayed: a defect, not a user error. */
export class InconsistentCollaborationHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentCollaborationHistory';
  }
}
