import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DuplicateVote, NotAVotingMember } from './errors.js';
import { quorumCount, tallyVotes, type CastVote } from './tally-votes.js';
import { ballotArb, majorityRuleArb } from './testing/arbitraries.js';

const absentVoters = ({ members, votes }: { members: { memberId: string; role: string }[]; votes: CastVote[] }) => {
  const voted = new Set(votes.map((v) => v.memberId));
  return members.filter((m) => m.role !== 'secretary' && !voted.has(m.memberId)).map((m) => m.memberId);
};

/** A ballot where some voting member has not voted yet, and that member. */
const ballotWithAbsentee = ballotArb
  .filter((ballot) => absentVoters(ballot).length > 0)
  .chain((ballot) => fc.constantFrom(...absentVoters(ballot)).map((absentee) => ({ ...ballot, absentee })));

describe('tallyVotes: properties', () => {
  it('the tally does not depend on the order of the votes', () => {
    fc.assert(
      fc.property(
        ballotArb.chain((ballot) => fc.shuffledSubarray(ballot.votes, { minLength: ballot.votes.length }).map((shuffled) => ({ ...ballot, shuffled }))),
        ({ rule, members, votes, shuffled }) => {
          expect(tallyVotes(rule, members, shuffled)).toEqual(tallyVotes(rule, members, votes));
        },
      ),
    );
  });

  it('no quorum whenever fewer are present than the quorum requires, and otherwise never', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        const voting = members.filter((m) => m.role !== 'secretary').length;
        const result = tallyVotes(rule, members, votes);
        expect(result.required).toBe(quorumCount(rule.quorum, voting));
        expect(result.outcome === 'no_quorum').toBe(votes.length < result.required);
      }),
    );
  });

  it('a fractional quorum is reached exactly when present/voting >= numerator/denominator', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        if (rule.quorum.kind !== 'fraction') return;
        const voting = members.filter((m) => m.role !== 'secretary').length;
        const reached = votes.length * rule.quorum.denominator >= rule.quorum.numerator * voting;
        expect(tallyVotes(rule, members, votes).outcome !== 'no_quorum').toBe(reached);
      }),
    );
  });

  it('under a majority rule, one more vote for never turns carried into not carried', () => {
    fc.assert(
      fc.property(ballotWithAbsentee, majorityRuleArb, (ballot, rule) => {
        const { members, votes, absentee } = ballot;
        const before = tallyVotes(rule, members, votes);
        const after = tallyVotes(rule, members, [...votes, { memberId: absentee, vote: 'for' }]);
        if (before.outcome === 'carried') expect(after.outcome).toBe('carried');
      }),
    );
  });

  it('under consensus, any objection blocks once the quorum is there', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        const consensus = { kind: 'consensus' as const, quorum: rule.quorum };
        const result = tallyVotes(consensus, members, votes);
        if (result.outcome === 'no_quorum') return;
        expect(result.outcome === 'blocked_by_objection').toBe(votes.some((v) => v.vote === 'object'));
      }),
    );
  });

  it('carried under unanimity implies carried under the other voting rules with the same quorum', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        const { quorum } = rule;
        if (tallyVotes({ kind: 'unanimity', quorum }, members, votes).outcome !== 'carried') return;
        expect(tallyVotes({ kind: 'simple_majority', quorum }, members, votes).outcome).toBe('carried');
        expect(tallyVotes({ kind: 'qualified_majority', threshold: { numerator: 1, denominator: 1 }, quorum }, members, votes).outcome).toBe('carried');
      }),
    );
  });

  it('counts add up to those present', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        const result = tallyVotes(rule, members, votes);
        expect(result.for + result.against + result.abstain + result.object).toBe(result.present);
        expect(result.present).toBe(votes.length);
      }),
    );
  });

  it('a secretary’s vote, or a second vote, is always refused', () => {
    fc.assert(
      fc.property(ballotArb, ({ rule, members, votes }) => {
        const secretary = members.find((m) => m.role === 'secretary');
        if (secretary) {
          expect(() => tallyVotes(rule, members, [...votes, { memberId: secretary.memberId, vote: 'for' }])).toThrow(NotAVotingMember);
        }
        if (votes.length > 0) {
          const again: CastVote = { ...votes[0], vote: 'abstain' };
          expect(() => tallyVotes(rule, members, [...votes, again])).toThrow(DuplicateVote);
        }
      }),
    );
  });
});
