import { DomainError } from '../../../shared-kernel/domain-error.js';
import type { MandateBreach } from './mandate.js';
import type { MemberRole } from './membership.js';

export { DomainError };

export class ForumNotFound extends DomainError {
  override readonly code = 'forum_not_found';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} does not exist`);
    this.name = 'ForumNotFound';
  }
}

export class ForumAlreadyExists extends DomainError {
  override readonly code = 'forum_already_exists';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} already exists`);
    this.name = 'ForumAlreadyExists';
  }
}

/** A value breaks a rule of the domain. `field` is a dot path into the command's data. */
export class InvalidForum extends DomainError {
  override readonly code = 'invalid_forum';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidForum';
  }
}

export class MemberAlreadyJoined extends DomainError {
  override readonly code = 'member_already_joined';

  constructor(readonly memberId: string) {
    super(`member ${memberId} is already a member of the forum`);
    this.name = 'MemberAlreadyJoined';
  }
}

export class MemberNotFound extends DomainError {
  override readonly code = 'member_not_found';

  constructor(readonly memberId: string) {
    super(`member ${memberId} has never been a member of the forum`);
    this.name = 'MemberNotFound';
  }
}

export class MemberHasLeft extends DomainError {
  override readonly code = 'member_has_left';

  constructor(
    readonly memberId: string,
    readonly leftOn: string,
  ) {
    super(`member ${memberId} left the forum on ${leftOn}`);
    this.name = 'MemberHasLeft';
  }
}

/** A date that contradicts the member's recorded timeline (e.g. leaving before the current role began). */
export class MembershipDateConflict extends DomainError {
  override readonly code = 'membership_date_conflict';

  constructor(
    readonly memberId: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`member ${memberId}, ${field}: ${reason}`);
    this.name = 'MembershipDateConflict';
  }
}

export class ChairAlreadyTaken extends DomainError {
  override readonly code = 'chair_already_taken';

  constructor(
    readonly chairMemberId: string,
    readonly on: string,
  ) {
    super(`member ${chairMemberId} is chair on ${on}; a forum has at most one chair at a time`);
    this.name = 'ChairAlreadyTaken';
  }
}

/** A decision outside the forum's mandate: refused, so nothing is recorded; the matter may be escalated instead. */
export class MandateExceeded extends DomainError {
  override readonly code = 'mandate_exceeded';

  constructor(
    readonly forumId: string,
    readonly reasons: readonly MandateBreach[],
  ) {
    super(`outside the mandate of forum ${forumId}: ${reasons.map(describeMandateBreach).join('; ')}`);
    this.name = 'MandateExceeded';
  }
}

export class NoParentForum extends DomainError {
  override readonly code = 'no_parent_forum';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} has no parent forum to escalate to`);
    this.name = 'NoParentForum';
  }
}

export class NotAVotingMember extends DomainError {
  override readonly code = 'not_a_voting_member';

  /** `role` is the member's role that day (a secretary), or null for someone who is not a member then. */
  constructor(
    readonly memberId: string,
    readonly role: MemberRole | null,
  ) {
    super(role === null ? `${memberId} is not a member of the forum on the day of the vote` : `${memberId} is ${role} and does not vote`);
    this.name = 'NotAVotingMember';
  }
}

export class DuplicateVote extends DomainError {
  override readonly code = 'duplicate_vote';

  constructor(readonly memberId: string) {
    super(`member ${memberId} voted more than once`);
    this.name = 'DuplicateVote';
  }
}

export class InvalidVote extends DomainError {
  override readonly code = 'invalid_vote';

  constructor(
    readonly memberId: string,
    readonly vote: string,
  ) {
    super(`member ${memberId} cast "${vote}"; a vote is for, against, abstain or object`);
    this.name = 'InvalidVote';
  }
}

/** The stored history cannot be replayed (e.g. a member joining a forum never established): a defect, not a user error. */
export class InconsistentForumHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`event ${eventType} cannot apply: ${reason}`);
    this.name = 'InconsistentForumHistory';
  }
}

export function describeMandateBreach(breach: MandateBreach): string {
  switch (breach.code) {
    case 'decision_kind_not_mandated':
      return `the forum may not ${breach.kind.replace('_', ' ')}`;
    case 'investment_area_not_mandated':
      return breach.area === null ? 'the investment area is not stated' : `investment area ${breach.area} is outside the mandate`;
    case 'department_not_mandated':
      return breach.departmentId === null ? 'the department is not stated' : `department ${breach.departmentId} is outside the mandate`;
    case 'amount_not_stated':
      return `the amount is not stated; approvals are limited to ${formatMoney(breach.maximum)}`;
    case 'amount_in_other_currency':
      return `${formatMoney(breach.amount)} cannot be compared with the limit of ${formatMoney(breach.maximum)}`;
    case 'amount_above_maximum':
      return `${formatMoney(breach.amount)} is above the limit of ${formatMoney(breach.maximum)}`;
  }
}

/** DKK 500000.00: whole and minor units split with integer arithmetic (every supported currency has 100 minor units). */
function formatMoney(money: { amountMinor: number; currency: string }): string {
  if (!Number.isSafeInteger(money.amountMinor)) return `${money.currency} ${money.amountMinor} minor units`;
  const minor = BigInt(money.amountMinor);
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${money.currency} ${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
