import { describe, expect, it } from '@jest/globals';
import {
  ChairAlreadyTaken,
  ForumNotFound,
  InvalidForum,
  MemberAlreadyJoined,
  MemberHasLeft,
  MemberNotFound,
  MembershipDateConflict,
} from './errors.js';
import type { Forum } from './forum-state.js';
import { chairOn, membersOn, votingMembersOn } from './membership.js';
import {
  changeRole,
  FORUM_ID,
  forumEstablished,
  given,
  joinForum,
  leaveForum,
  memberJoined,
  memberLeft,
  personOf,
  roleChanged,
} from './testing/fixtures.js';

const established = forumEstablished();

describe('JoinForum', () => {
  it('a member joins with a role from a date', () => {
    const state = given([established]).when(joinForum('karen', 'chair', '2025-01-01')).then([memberJoined('karen', 'chair', '2025-01-01')]);
    expect((state as Forum).memberships).toEqual([
      { memberId: 'karen', person: personOf('karen'), from: '2025-01-01', to: null, roles: [{ role: 'chair', from: '2025-01-01' }] },
    ]);
  });

  it('records a person without an email, and only the person’s own fields', () => {
    const person = { name: 'Ole Hansen', phone: '12345678' } as { name: string };
    given([established]).when(joinForum('ole', 'member', '2025-01-01', person)).then([memberJoined('ole', 'member', '2025-01-01', { name: 'Ole Hansen' })]);
  });

  it('a member who left may rejoin after the last day', () => {
    given([established, memberJoined('ole', 'member', '2024-01-01'), memberLeft('ole', '2024-12-31')])
      .when(joinForum('ole', 'secretary', '2025-01-01'))
      .then([memberJoined('ole', 'secretary', '2025-01-01')]);
  });

  it('refuses a rejoin on or before the last day of the previous membership', () => {
    given([established, memberJoined('ole', 'member', '2024-01-01'), memberLeft('ole', '2024-12-31')])
      .when(joinForum('ole', 'member', '2024-12-31'))
      .then(new MembershipDateConflict('ole', 'from', 'must be after the member left on 2024-12-31'));
  });

  it('refuses a member who is already a member', () => {
    given([established, memberJoined('ole', 'member', '2024-01-01')]).when(joinForum('ole', 'member', '2025-01-01')).then(new MemberAlreadyJoined('ole'));
  });

  it('refuses a second chair at the same time', () => {
    given([established, memberJoined('karen', 'chair', '2025-01-01')])
      .when(joinForum('ole', 'chair', '2025-03-01'))
      .then(new ChairAlreadyTaken('karen', '2025-03-01'));
  });

  it('refuses a chair joining back-dated into another chair’s time', () => {
    given([established, memberJoined('karen', 'chair', '2025-03-01')])
      .when(joinForum('ole', 'chair', '2025-01-01'))
      .then(new ChairAlreadyTaken('karen', '2025-03-01'));
  });

  it('accepts a new chair from the day after the previous chair left', () => {
    given([established, memberJoined('karen', 'chair', '2025-01-01'), memberLeft('karen', '2025-06-30')])
      .when(joinForum('ole', 'chair', '2025-07-01'))
      .then([memberJoined('ole', 'chair', '2025-07-01')]);
  });

  it.each<[string, ReturnType<typeof joinForum>, InvalidForum]>([
    ['a blank member id', joinForum(' ', 'member', '2025-01-01'), new InvalidForum('memberId', 'must not be empty')],
    ['a person without a name', joinForum('ole', 'member', '2025-01-01', { name: '' }), new InvalidForum('person.name', 'must not be empty')],
    [
      'a blank email',
      joinForum('ole', 'member', '2025-01-01', { name: 'Ole', email: ' ' }),
      new InvalidForum('person.email', 'must not be empty'),
    ],
    ['an unknown role', joinForum('ole', 'observer' as 'member', '2025-01-01'), new InvalidForum('role', 'must be one of chair, member, secretary')],
    ['a day that does not exist', joinForum('ole', 'member', '2025-02-30'), new InvalidForum('from', 'must be a calendar date YYYY-MM-DD')],
    ['a time instead of a day', joinForum('ole', 'member', '2025-02-01T10:00:00Z'), new InvalidForum('from', 'must be a calendar date YYYY-MM-DD')],
  ])('refuses %s', (_, command, error) => {
    given([established]).when(command).then(error);
  });

  it('refuses to join a forum that does not exist', () => {
    given([]).when(joinForum('ole', 'member', '2025-01-01')).then(new ForumNotFound(FORUM_ID));
  });
});

describe('ChangeForumMemberRole', () => {
  const history = [established, memberJoined('karen', 'chair', '2025-01-01'), memberJoined('ole', 'member', '2025-01-01')];

  it('records the new role from a date, with the role it ends', () => {
    given(history).when(changeRole('ole', 'secretary', '2025-05-01')).then([roleChanged('ole', 'member', 'secretary', '2025-05-01')]);
  });

  it('hands the chair over: the chair steps down, then another member takes it from the same day', () => {
    const steppedDown = given(history).when(changeRole('karen', 'member', '2025-07-01')).then([roleChanged('karen', 'chair', 'member', '2025-07-01')]);
    given([...history, roleChanged('karen', 'chair', 'member', '2025-07-01')])
      .when(changeRole('ole', 'chair', '2025-07-01'))
      .then([roleChanged('ole', 'member', 'chair', '2025-07-01')]);
    expect(chairOn(steppedDown as Forum, '2025-06-30')?.memberId).toBe('karen');
    expect(chairOn(steppedDown as Forum, '2025-07-01')).toBeNull();
  });

  it('refuses a second chair while the first still holds it', () => {
    given(history).when(changeRole('ole', 'chair', '2025-07-01')).then(new ChairAlreadyTaken('karen', '2025-07-01'));
  });

  it('refuses a second chair from a day the first is scheduled to still hold it', () => {
    given([...history, roleChanged('karen', 'chair', 'member', '2025-07-01')])
      .when(changeRole('ole', 'chair', '2025-06-01'))
      .then(new ChairAlreadyTaken('karen', '2025-06-01'));
  });

  it('a change on the day the current role began supersedes it', () => {
    const state = given(history).when(changeRole('ole', 'secretary', '2025-01-01')).then([roleChanged('ole', 'member', 'secretary', '2025-01-01')]);
    expect(membersOn(state as Forum, '2025-01-01').find((m) => m.memberId === 'ole')?.role).toBe('secretary');
  });

  it('records nothing when the role is the one the member has', () => {
    given(history).when(changeRole('ole', 'member', '2025-05-01')).then([]);
  });

  it('refuses a change dated before the current role began', () => {
    given([...history, roleChanged('ole', 'member', 'secretary', '2025-05-01')])
      .when(changeRole('ole', 'member', '2025-04-30'))
      .then(new MembershipDateConflict('ole', 'from', 'must not be before the current role began on 2025-05-01'));
  });

  it('refuses a member who never joined, or who has left', () => {
    given(history).when(changeRole('mette', 'member', '2025-05-01')).then(new MemberNotFound('mette'));
    given([...history, memberLeft('ole', '2025-03-31')]).when(changeRole('ole', 'secretary', '2025-05-01')).then(new MemberHasLeft('ole', '2025-03-31'));
  });

  it('refuses an unknown role or date', () => {
    given(history).when(changeRole('ole', 'boss' as 'chair', '2025-05-01')).then(new InvalidForum('role', 'must be one of chair, member, secretary'));
    given(history).when(changeRole('ole', 'secretary', '1 May')).then(new InvalidForum('from', 'must be a calendar date YYYY-MM-DD'));
  });

  it('refuses to change a role in a forum that does not exist', () => {
    given([]).when(changeRole('ole', 'member', '2025-05-01')).then(new ForumNotFound(FORUM_ID));
  });
});

describe('LeaveForum', () => {
  const history = [established, memberJoined('ole', 'member', '2025-01-01')];

  it('records the last day as a member', () => {
    const state = given(history).when(leaveForum('ole', '2025-12-31')).then([memberLeft('ole', '2025-12-31')]);
    expect((state as Forum).memberships[0].to).toBe('2025-12-31');
  });

  it('a member may leave on the day they joined', () => {
    given(history).when(leaveForum('ole', '2025-01-01')).then([memberLeft('ole', '2025-01-01')]);
  });

  it('refuses a last day before the current role began', () => {
    given([...history, roleChanged('ole', 'member', 'chair', '2025-06-01')])
      .when(leaveForum('ole', '2025-05-31'))
      .then(new MembershipDateConflict('ole', 'to', 'must not be before the current role began on 2025-06-01'));
  });

  it('refuses a member who never joined, or has already left', () => {
    given(history).when(leaveForum('mette', '2025-12-31')).then(new MemberNotFound('mette'));
    given([...history, memberLeft('ole', '2025-06-30')]).when(leaveForum('ole', '2025-12-31')).then(new MemberHasLeft('ole', '2025-06-30'));
  });

  it('refuses a date that is not a calendar date', () => {
    given(history).when(leaveForum('ole', '2025-13-01')).then(new InvalidForum('to', 'must be a calendar date YYYY-MM-DD'));
  });

  it('refuses to leave a forum that does not exist', () => {
    given([]).when(leaveForum('ole', '2025-12-31')).then(new ForumNotFound(FORUM_ID));
  });
});

describe('membersOn', () => {
  const forum = given([
    established,
    memberJoined('karen', 'chair', '2024-01-01'),
    memberJoined('ole', 'member', '2024-03-01'),
    memberJoined('lis', 'secretary', '2024-01-01'),
    roleChanged('karen', 'chair', 'member', '2025-01-01'),
    roleChanged('ole', 'member', 'chair', '2025-01-01'),
    memberLeft('karen', '2025-06-30'),
    memberJoined('karen', 'member', '2026-01-01'),
  ])
    .when(leaveForum('lis', '2025-12-31'))
    .then([memberLeft('lis', '2025-12-31')]) as Forum;

  const composition = (date: string) => membersOn(forum, date).map((m) => `${m.memberId}:${m.role}`);

  it('answers who sat in which role on a given day', () => {
    expect(composition('2023-12-31')).toEqual([]);
    expect(composition('2024-02-01')).toEqual(['karen:chair', 'lis:secretary']);
    expect(composition('2024-12-31')).toEqual(['karen:chair', 'ole:member', 'lis:secretary']);
    expect(composition('2025-01-01')).toEqual(['karen:member', 'ole:chair', 'lis:secretary']);
    expect(composition('2025-06-30')).toEqual(['karen:member', 'ole:chair', 'lis:secretary']);
    expect(composition('2025-07-01')).toEqual(['ole:chair', 'lis:secretary']);
    expect(composition('2026-01-01')).toEqual(['ole:chair', 'karen:member']);
  });

  it('gives the start of the membership covering the day', () => {
    expect(membersOn(forum, '2026-02-01').find((m) => m.memberId === 'karen')).toEqual({
      memberId: 'karen',
      person: personOf('karen'),
      role: 'member',
      memberSince: '2026-01-01',
    });
  });

  it('votingMembersOn leaves out the secretary; chairOn finds the chair of the day', () => {
    expect(votingMembersOn(forum, '2025-03-01').map((m) => m.memberId)).toEqual(['karen', 'ole']);
    expect(chairOn(forum, '2024-06-01')?.memberId).toBe('karen');
    expect(chairOn(forum, '2025-06-01')?.memberId).toBe('ole');
    expect(chairOn(forum, '2023-06-01')).toBeNull();
  });
});
