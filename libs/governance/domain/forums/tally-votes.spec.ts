import { describe, expect, it } from '@jest/globals';
import type { DecisionRule, Quorum } from './decision-rule.js';
import { DuplicateVote, InvalidVote, NotAVotingMember } from './errors.js';
import type { MemberRole } from './membership.js';
import { quorumCount, tallyVotes, type CastVote, type EligibleMember, type Vote } from './tally-votes.js';

const FIVE_MEMBERS: EligibleMember[] = [
  { memberId: 'chair', role: 'chair' },
  { memberId: 'a', role: 'member' },
  { memberId: 'b', role: 'member' },
  { memberId: 'c', role: 'member' },
  { memberId: 'd', role: 'member' },
  { memberId: 'secretary', role: 'secretary' },
];
const HALF: Quorum = { kind: 'fraction', numerator: 1, denominator: 2 };

/** Votes in member order: 'f' for, 'a' against, 's' abstain (sits it out), 'o' object, '-' absent. */
function ballot(pattern: string): CastVote[] {
  const code: Record<string, Vote> = { f: 'for', a: 'against', s: 'abstain', o: 'object' };
  return [...pattern].flatMap((c, i) => (c === '-' ? [] : [{ memberId: FIVE_MEMBERS[i].memberId, vote: code[c] }]));
}

const tally = (rule: DecisionRule, pattern: string) => tallyVotes(rule, FIVE_MEMBERS, ballot(pattern));
const outcome = (rule: DecisionRule, pattern: string) => tally(rule, pattern).outcome;

describe('tallyVotes', () => {
  const simple: DecisionRule = { kind: 'simple_majority', quorum: HALF };
  const twoThirds: DecisionRule = { kind: 'qualified_majority', threshold: { numerator: 2, denominator: 3 }, quorum: HALF };
  const unanimity: DecisionRule = { kind: 'unanimity', quorum: HALF };
  const consensus: DecisionRule = { kind: 'consensus', quorum: HALF };

  it('counts each kind of vote, who was present, and the quorum', () => {
    expect(tally(simple, 'ffass')).toEqual({
      outcome: 'carried',
      for: 2,
      against: 1,
      abstain: 2,
      object: 0,
      present: 5,
      eligible: 5,
      required: 3,
      reason: '2 for, 1 against (0 of them objections), 2 abstaining: more for than against',
    });
  });

  it('has no quorum when fewer are present than the quorum needs, whatever the votes', () => {
    expect(tally(simple, 'ff---')).toMatchObject({ outcome: 'no_quorum', present: 2, required: 3, reason: '2 of 5 voting members present; the quorum is 3' });
    expect(outcome(consensus, 'fo---')).toBe('no_quorum');
    expect(outcome({ kind: 'simple_majority', quorum: { kind: 'count', count: 4 } }, 'fff--')).toBe('no_quorum');
  });

  it('abstentions count as present', () => {
    expect(outcome(simple, 'fss--')).toBe('carried');
  });

  it('rounds a fractional quorum up, in whole numbers', () => {
    expect(quorumCount({ kind: 'fraction', numerator: 1, denominator: 2 }, 5)).toBe(3);
    expect(quorumCount({ kind: 'fraction', numerator: 2, denominator: 3 }, 6)).toBe(4);
    expect(quorumCount({ kind: 'fraction', numerator: 1, denominator: 3 }, 0)).toBe(0);
    expect(quorumCount({ kind: 'count', count: 4 }, 2)).toBe(4);
  });

  describe('simple majority', () => {
    it.each([
      ['ffa--', 'carried'],
      ['ffaa-', 'not_carried'],
      ['fsss-', 'carried'],
      ['sss--', 'not_carried'],
      ['ffoa-', 'not_carried'],
    ])('%s is %s (an objection is a vote against; a tie is not carried)', (pattern, expected) => {
      expect(outcome(simple, pattern)).toBe(expected);
    });
  });

  describe('qualified majority of 2/3 of the votes cast for or against', () => {
    it.each([
      ['ffa--', 'carried'],
      ['ffaa-', 'not_carried'],
      ['ffffa', 'carried'],
      ['ffsaa', 'not_carried'],
      ['ffsss', 'carried'],
      ['ffo--', 'carried'],
      ['ffoo-', 'not_carried'],
      ['sss--', 'not_carried'],
    ])('%s is %s (abstentions are not in the base)', (pattern, expected) => {
      expect(outcome(twoThirds, pattern)).toBe(expected);
    });
  });

  describe('unanimity', () => {
    it.each([
      ['fffff', 'carried'],
      ['fffs-', 'carried'],
      ['ffffa', 'not_carried'],
      ['ffffo', 'not_carried'],
      ['sss--', 'not_carried'],
    ])('%s is %s (abstentions allowed)', (pattern, expected) => {
      expect(outcome(unanimity, pattern)).toBe(expected);
    });
  });

  describe('consensus', () => {
    it('one objection blocks, and that is an outcome to record', () => {
      expect(tally(consensus, 'ffffo')).toMatchObject({
        outcome: 'blocked_by_objection',
        for: 4,
        object: 1,
        reason: '1 objection(s): consensus needs that nobody objects',
      });
    });

    it.each([
      ['fffff', 'carried'],
      ['faas-', 'carried'],
      ['sss--', 'not_carried'],
      ['aaa--', 'not_carried'],
    ])('%s is %s (against and abstain stand aside)', (pattern, expected) => {
      expect(outcome(consensus, pattern)).toBe(expected);
    });
  });

  describe('who may vote', () => {
    it('refuses a vote from the secretary', () => {
      expect(() => tallyVotes(simple, FIVE_MEMBERS, [{ memberId: 'secretary', vote: 'for' }])).toThrow(new NotAVotingMember('secretary', 'secretary'));
    });

    it('refuses a vote from someone who is not a member on the day', () => {
      const run = () => tallyVotes(simple, FIVE_MEMBERS, [{ memberId: 'stranger', vote: 'for' }]);
      expect(run).toThrow(NotAVotingMember);
      expect(run).toThrow('stranger is not a member of the forum on the day of the vote');
    });

    it('refuses a second vote by the same member', () => {
      const run = () => tallyVotes(simple, FIVE_MEMBERS, [{ memberId: 'a', vote: 'for' }, { memberId: 'a', vote: 'against' }]);
      expect(run).toThrow(DuplicateVote);
      expect(run).toThrow('member a voted more than once');
    });

    it('refuses a vote that is not one of the four', () => {
      expect(() => tallyVotes(simple, FIVE_MEMBERS, [{ memberId: 'a', vote: 'maybe' as Vote }])).toThrow(InvalidVote);
    });

    it('counts a member listed twice among the eligible once', () => {
      const twice = [...FIVE_MEMBERS, { memberId: 'a', role: 'member' as MemberRole }];
      expect(tallyVotes(simple, twice, ballot('f----')).eligible).toBe(5);
    });
  });
});
