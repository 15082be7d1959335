/**
 * Counting a forum's votes under its decision rule. Pure: the caller passes the members on the day of the vote
 * (`membersOn(forum, meetingDate)`) and records the returned tally with the decision, whatever its outcome.
 *
 * Semantics:
 * - Only the chair and the members vote; a secretary or anyone not among `eligibleMembers` is refused
 *   (NotAVotingMember), and so is a second vote by the same member (DuplicateVote). Nothing is counted then.
 * - `present` is everyone who voted, abstentions and objections included; it is what the quorum is measured on.
 *   Below the quorum the outcome is `no_quorum`, whatever the votes say.
 * - Simple majority: carried when for > against. A tie is not carried. Abstentions count for neither side.
 * - Qualified majority: carried when for * denominator >= numerator * (for + against) and at least one votes for.
 *   Abstentions are not in the base (the threshold is of the votes cast for or against), so abstaining never
 *   helps or hurts either side.
 * - Unanimity: carried when at least one votes for and nobody votes against. Abstentions are allowed: a member
 *   who cannot support the matter but will not stop it abstains.
 * - Under the three voting rules an objection is a vote against.
 * - Consensus: any objection gives `blocked_by_objection` (a result to record, not an error). Without one it is
 *   carried when at least one supports it; `against` and `abstain` stand aside: recorded, not blocking. That is
 *   what separates consent from unanimity.
 */
import { DuplicateVote, InvalidVote, NotAVotingMember } from './errors.js';
import { reachesFraction, smallestCountReaching } from './fraction.js';
import type { DecisionRule, Quorum } from './decision-rule.js';
import { VOTING_ROLES, type MemberRole } from './membership.js';

export const VOTES = ['for', 'against', 'abstain', 'object'] as const;
export type Vote = (typeof VOTES)[number];

export interface CastVote {
  readonly memberId: string;
  readonly vote: Vote;
}

export interface EligibleMember {
  readonly memberId: string;
  readonly role: MemberRole;
}

export type TallyOutcome = 'carried' | 'not_carried' | 'no_quorum' | 'blocked_by_objection';

export interface VoteTally {
  readonly outcome: TallyOutcome;
  /** Votes of each kind as cast; under the voting rules `object` is added to `against` when deciding. */
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly object: number;
  /** Members who voted, in any way. */
  readonly present: number;
  /** Voting members on the day: the base of a fractional quorum. */
  readonly eligible: number;
  /** Members who had to be present for the quorum. */
  readonly required: number;
  /** The outcome in words, for the minutes. */
  readonly reason: string;
}

export function tallyVotes(rule: DecisionRule, eligibleMembers: readonly EligibleMember[], votes: readonly CastVote[]): VoteTally {
  const voters = votingMemberIds(eligibleMembers);
  const counts = countVotes(eligibleMembers, voters, votes);
  const present = votes.length;
  const eligible = voters.size;
  const required = quorumCount(rule.quorum, eligible);
  const tally = { ...counts, present, eligible, required };
  if (present < required) {
    return { outcome: 'no_quorum', ...tally, reason: `${present} of ${eligible} voting members present; the quorum is ${required}` };
  }
  return { ...tally, ...decideByRule(rule, counts) };
}

/** Members present needed for the quorum. */
export function quorumCount(quorum: Quorum, votingMembers: number): number {
  return quorum.kind === 'count' ? quorum.count : smallestCountReaching(votingMembers, quorum);
}

type Counts = Record<Vote, number>;

function votingMemberIds(members: readonly EligibleMember[]): Set<string> {
  return new Set(members.filter((member) => VOTING_ROLES.includes(member.role)).map((member) => member.memberId));
}

function countVotes(members: readonly EligibleMember[], voters: ReadonlySet<string>, votes: readonly CastVote[]): Counts {
  const counts: Counts = { for: 0, against: 0, abstain: 0, object: 0 };
  const voted = new Set<string>();
  for (const { memberId, vote } of votes) {
    if (!voters.has(memberId)) {
      const member = members.find((m) => m.memberId === memberId);
      throw new NotAVotingMember(memberId, member ? member.role : null);
    }
    if (voted.has(memberId)) throw new DuplicateVote(memberId);
    if (!(VOTES as readonly string[]).includes(vote)) throw new InvalidVote(memberId, vote);
    voted.add(memberId);
    counts[vote] += 1;
  }
  return counts;
}

function decideByRule(rule: DecisionRule, counts: Counts): Pick<VoteTally, 'outcome' | 'reason'> {
  const inFavour = counts.for;
  const against = counts.against + counts.object;
  const cast = `${inFavour} for, ${against} against (${counts.object} of them objections), ${counts.abstain} abstaining`;
  switch (rule.kind) {
    case 'simple_majority':
      return inFavour > against
        ? { outcome: 'carried', reason: `${cast}: more for than against` }
        : { outcome: 'not_carried', reason: `${cast}: a simple majority needs more votes for than against` };
    case 'qualified_majority': {
      const { numerator, denominator } = rule.threshold;
      return inFavour > 0 && reachesFraction(inFavour, inFavour + against, rule.threshold)
        ? { outcome: 'carried', reason: `${cast}: at least ${numerator}/${denominator} of the votes cast are for` }
        : { outcome: 'not_carried', reason: `${cast}: a qualified majority needs ${numerator}/${denominator} of the votes cast for` };
    }
    case 'unanimity':
      return inFavour > 0 && against === 0
        ? { outcome: 'carried', reason: `${cast}: nobody against` }
        : { outcome: 'not_carried', reason: `${cast}: unanimity needs votes for and none against` };
    case 'consensus':
      if (counts.object > 0) {
        return { outcome: 'blocked_by_objection', reason: `${counts.object} objection(s): consensus needs that nobody objects` };
      }
      return inFavour > 0
        ? { outcome: 'carried', reason: `no objection, ${inFavour} for (${counts.against} against and ${counts.abstain} abstaining stand aside)` }
        : { outcome: 'not_carried', reason: `no objection, but nobody supports the matter` };
  }
}
