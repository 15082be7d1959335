import { ProblemException, type FieldError, type ProblemMapper } from '../../../platform/index.js';
import {
  ChairAlreadyTaken,
  DomainError,
  DuplicateVote,
  ForumAlreadyExists,
  ForumNotFound,
  InvalidForum,
  InvalidVote,
  MandateExceeded,
  MemberAlreadyJoined,
  MemberHasLeft,
  MemberNotFound,
  MembershipDateConflict,
  NoParentForum,
  NotAVotingMember,
  describeMandateBreach,
  type MandateBreach,
} from '../../domain/forums/index.js';
import { OrganisationNotRegistered } from '../application/forum-application.errors.js';
import { InvalidForumCursorError } from '../read-models/forum-list.query.js';

interface ProblemParts {
  readonly status: number;
  readonly title: string;
  readonly errors?: readonly FieldError[];
  readonly extensions?: Record<string, unknown>;
}

const problem = (error: DomainError, parts: ProblemParts) =>
  new ProblemException(
    { status: parts.status, title: parts.title, detail: error.message, errors: parts.errors, extensions: { code: error.code, ...parts.extensions } },
    { cause: error },
  );

/** The field of a matter (`{kind, amount, area, departmentId}`) each breach is about. */
const BREACH_FIELD: Readonly<Record<MandateBreach['code'], string>> = {
  decision_kind_not_mandated: 'kind',
  investment_area_not_mandated: 'area',
  department_not_mandated: 'departmentId',
  amount_not_stated: 'amount',
  amount_in_other_currency: 'amount.currency',
  amount_above_maximum: 'amount.amountMinor',
};

/**
 * The forum domain's errors as problems: unknown 404, conflicts with the forum's state 409, rules broken by the
 * content 422 (with the field and the reason). Every error carries its stable `code`.
 */
export const forumProblemMapper: ProblemMapper = (error) => {
  if (!(error instanceof DomainError)) {
    if (error instanceof InvalidForumCursorError) {
      return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
    }
    return undefined;
  }
  if (error instanceof ForumNotFound) return problem(error, { status: 404, title: 'Forum not found', extensions: { forumId: error.forumId } });
  if (error instanceof ForumAlreadyExists) return problem(error, { status: 409, title: 'Forum already exists', extensions: { forumId: error.forumId } });
  if (error instanceof InvalidForum) {
    return problem(error, { status: 422, title: 'Invalid forum', errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof OrganisationNotRegistered) {
    return problem(error, { status: 409, title: 'Organisation not registered', extensions: { organisationId: error.organisationId } });
  }
  if (error instanceof MemberNotFound) return problem(error, { status: 404, title: 'Member not found', extensions: { memberId: error.memberId } });
  if (error instanceof MemberAlreadyJoined) {
    return problem(error, { status: 409, title: 'Already a member', errors: [{ field: 'memberId', reason: 'is already a member of the forum' }], extensions: { memberId: error.memberId } });
  }
  if (error instanceof MemberHasLeft) {
    return problem(error, { status: 409, title: 'Member has left', extensions: { memberId: error.memberId, leftOn: error.leftOn } });
  }
  if (error instanceof MembershipDateConflict) {
    return problem(error, { status: 422, title: 'Date conflicts with the membership', errors: [{ field: error.field, reason: error.reason }], extensions: { memberId: error.memberId } });
  }
  if (error instanceof ChairAlreadyTaken) {
    return problem(error, {
      status: 409,
      title: 'The forum already has a chair',
      errors: [{ field: 'role', reason: `member ${error.chairMemberId} is chair on ${error.on}; a forum has one chair at a time` }],
      extensions: { chairMemberId: error.chairMemberId, on: error.on },
    });
  }
  if (error instanceof MandateExceeded) {
    return problem(error, {
      status: 422,
      title: 'Outside the forum\'s mandate',
      errors: error.reasons.map((breach) => ({ field: BREACH_FIELD[breach.code], reason: describeMandateBreach(breach) })),
      extensions: { forumId: error.forumId, reasons: error.reasons.map((breach) => ({ ...breach, description: describeMandateBreach(breach) })) },
    });
  }
  if (error instanceof NoParentForum) {
    return problem(error, { status: 422, title: 'No forum to escalate to', extensions: { forumId: error.forumId } });
  }
  if (error instanceof NotAVotingMember) {
    return problem(error, { status: 422, title: 'Not a voting member', errors: [{ field: 'votes', reason: error.message }], extensions: { memberId: error.memberId, role: error.role } });
  }
  if (error instanceof DuplicateVote) {
    return problem(error, { status: 422, title: 'Duplicate vote', errors: [{ field: 'votes', reason: error.message }], extensions: { memberId: error.memberId } });
  }
  if (error instanceof InvalidVote) {
    return problem(error, { status: 422, title: 'Invalid vote', errors: [{ field: 'votes', reason: error.message }], extensions: { memberId: error.memberId } });
  }
  return undefined;
};
