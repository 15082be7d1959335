import { describe, expect, it } from '@jest/globals';
import { InconsistentForumHistory } from './errors.js';
import type { ForumEvent } from './events.js';
import { evolveForum } from './evolve.js';
import { initialForumState } from './forum-state.js';
import {
  decisionRuleChanged,
  establishedData,
  forumEstablished,
  mandateAmended,
  memberJoined,
  memberLeft,
  personOf,
  roleChanged,
  STEERING_GROUP_MANDATE,
} from './testing/fixtures.js';

const replay = (events: ForumEvent[]) => events.reduce(evolveForum, initialForumState());

describe('evolveForum', () => {
  it('starts with no forum', () => {
    expect(initialForumState()).toEqual({ status: 'none' });
  });

  it('keeps every membership with its roles over time', () => {
    const consensus = { kind: 'consensus' as const, quorum: { kind: 'count' as const, count: 2 } };
    const mandate = { ...STEERING_GROUP_MANDATE, maximumAmount: null };
    expect(
      replay([
        forumEstablished(),
        mandateAmended(mandate),
        decisionRuleChanged(consensus),
        memberJoined('ole', 'member', '2024-01-01'),
        roleChanged('ole', 'member', 'chair', '2024-06-01'),
        memberLeft('ole', '2024-12-31'),
        memberJoined('ole', 'member', '2025-02-01'),
      ]),
    ).toEqual({
      status: 'established',
      ...establishedData,
      mandate,
      decisionRule: consensus,
      memberships: [
        {
          memberId: 'ole',
          person: personOf('ole'),
          from: '2024-01-01',
          to: '2024-12-31',
          roles: [
            { role: 'member', from: '2024-01-01' },
            { role: 'chair', from: '2024-06-01' },
          ],
        },
        { memberId: 'ole', person: personOf('ole'), from: '2025-02-01', to: null, roles: [{ role: 'member', from: '2025-02-01' }] },
      ],
    });
  });

  it('refuses a history that does not start with the establishment, or establishes twice', () => {
    expect(() => replay([memberJoined('ole', 'member', '2024-01-01')])).toThrow(InconsistentForumHistory);
    expect(() => replay([forumEstablished(), forumEstablished()])).toThrow(InconsistentForumHistory);
  });

  it('refuses a role change or a leave for someone who is not a current member', () => {
    expect(() => replay([forumEstablished(), memberLeft('ole', '2024-12-31')])).toThrow(InconsistentForumHistory);
    const leftTwice = [forumEstablished(), memberJoined('ole', 'member', '2024-01-01'), memberLeft('ole', '2024-12-31'), memberLeft('ole', '2025-01-31')];
    expect(() => replay(leftTwice)).toThrow(InconsistentForumHistory);
    expect(() => replay([forumEstablished(), roleChanged('ole', 'member', 'chair', '2024-06-01')])).toThrow(InconsistentForumHistory);
  });
});
