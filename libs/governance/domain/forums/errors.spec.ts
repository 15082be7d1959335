import { describe, expect, it } from '@jest/globals';
import {
  ChairAlreadyTaken,
  DomainError,
  DuplicateVote,
  ForumAlreadyExists,
  ForumNotFound,
  InconsistentForumHistory,
  InvalidForum,
  InvalidVote,
  MandateExceeded,
  MemberAlreadyJoined,
  MemberHasLeft,
  MemberNotFound,
  MembershipDateConflict,
  NoParentForum,
  NotAVotingMember,
} from './errors.js';

describe('forum errors', () => {
  it.each([
    [new ForumNotFound('f'), 'forum_not_found', { forumId: 'f' }],
    [new ForumAlreadyExists('f'), 'forum_already_exists', { forumId: 'f' }],
    [new InvalidForum('name', 'must not be empty'), 'invalid_forum', { field: 'name', reason: 'must not be empty' }],
    [new MemberAlreadyJoined('m'), 'member_already_joined', { memberId: 'm' }],
    [new MemberNotFound('m'), 'member_not_found', { memberId: 'm' }],
    [new MemberHasLeft('m', '2025-06-30'), 'member_has_left', { memberId: 'm', leftOn: '2025-06-30' }],
    [new MembershipDateConflict('m', 'to', 'too early'), 'membership_date_conflict', { memberId: 'm', field: 'to', reason: 'too early' }],
    [new ChairAlreadyTaken('m', '2025-01-01'), 'chair_already_taken', { chairMemberId: 'm', on: '2025-01-01' }],
    [
      new MandateExceeded('f', [{ code: 'decision_kind_not_mandated', kind: 'request_changes' }]),
      'mandate_exceeded',
      {
        forumId: 'f',
        reasons: [{ code: 'decision_kind_not_mandated', kind: 'request_changes' }],
        message: 'outside the mandate of forum f: the forum may not request changes',
      },
    ],
    [new NoParentForum('f'), 'no_parent_forum', { forumId: 'f' }],
    [new NotAVotingMember('m', 'secretary'), 'not_a_voting_member', { memberId: 'm', role: 'secretary', message: 'm is secretary and does not vote' }],
    [new DuplicateVote('m'), 'duplicate_vote', { memberId: 'm' }],
    [new InvalidVote('m', 'maybe'), 'invalid_vote', { memberId: 'm', vote: 'maybe' }],
  ])('%s carries a stable code and its details', (error, code, details) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, ...details, name: error.constructor.name });
  });

  it('describes every kind of mandate breach for people', () => {
    const maximum = { amountMinor: 50_000_000, currency: 'DKK' } as const;
    const error = new MandateExceeded('f', [
      { code: 'investment_area_not_mandated', area: null },
      { code: 'investment_area_not_mandated', area: 'digital_workplace' },
      { code: 'department_not_mandated', departmentId: null },
      { code: 'amount_not_stated', maximum },
      { code: 'amount_in_other_currency', amount: { amountMinor: 5, currency: 'EUR' }, maximum },
      { code: 'amount_above_maximum', amount: { amountMinor: 50_000_001, currency: 'DKK' }, maximum },
    ]);
    expect(error.message).toBe(
      'outside the mandate of forum f: the investment area is not stated; investment area digital_workplace is outside the mandate; ' +
        'the department is not stated; the amount is not stated; approvals are limited to DKK 500000.00; ' +
        'EUR 0.05 cannot be compared with the limit of DKK 500000.00; DKK 500000.01 is above the limit of DKK 500000.00',
    );
  });

  it('a history that cannot be replayed is a defect, not a domain error', () => {
    expect(new InconsistentForumHistory('ForumMemberJoined', 'the forum is not established')).not.toBeInstanceOf(DomainError);
  });
});
