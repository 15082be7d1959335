/** fast-check generators for the forums domain's property tests. Not part of the public API. */
import fc from 'fast-check';
import { INVESTMENT_AREAS } from '../../../../proposals/domain/proposal-form.js';
import { CURRENCIES, type Money } from '../../../../shared-kernel/money.js';
import type { DecisionRule, Quorum } from '../decision-rule.js';
import { DECISION_KINDS, type Mandate } from '../mandate.js';
import { MEMBER_ROLES, type MemberRole } from '../membership.js';
import { VOTES, type CastVote, type EligibleMember } from '../tally-votes.js';

export const DEPARTMENTS = ['citizen-service', 'children', 'culture', 'social', 'technical'] as const;

export const money: fc.Arbitrary<Money> = fc.record({
  amountMinor: fc.oneof(fc.nat(10_000_000), fc.maxSafeNat()),
  currency: fc.constantFrom(...CURRENCIES),
});

export const mandateArb: fc.Arbitrary<Mandate> = fc.record({
  investmentAreas: fc.subarray([...INVESTMENT_AREAS]),
  departmentIds: fc.subarray([...DEPARTMENTS]),
  decisionKinds: fc.subarray([...DECISION_KINDS]),
  maximumAmount: fc.option(money, { nil: null }),
});

/** Whole numbers with 0 < numerator <= denominator; `moreThanHalf` for qualified-majority thresholds. */
function fraction(moreThanHalf: boolean) {
  return fc
    .integer({ min: 1, max: 12 })
    .chain((denominator) =>
      fc.integer({ min: moreThanHalf ? Math.floor(denominator / 2) + 1 : 1, max: denominator }).map((numerator) => ({ numerator, denominator })),
    );
}

const quorumArb: fc.Arbitrary<Quorum> = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((count) => ({ kind: 'count' as const, count })),
  fraction(false).map((f) => ({ kind: 'fraction' as const, ...f })),
);

export const decisionRuleArb: fc.Arbitrary<DecisionRule> = fc.oneof(
  quorumArb.map((quorum) => ({ kind: 'simple_majority' as const, quorum })),
  fc.tuple(fraction(true), quorumArb).map(([threshold, quorum]) => ({ kind: 'qualified_majority' as const, threshold, quorum })),
  quorumArb.map((quorum) => ({ kind: 'unanimity' as const, quorum })),
  quorumArb.map((quorum) => ({ kind: 'consensus' as const, quorum })),
);

export const majorityRuleArb = decisionRuleArb.filter((rule) => rule.kind !== 'consensus');

/** A forum's members on the day of a vote: ids m0, m1, ... with any roles. */
export const eligibleMembersArb: fc.Arbitrary<EligibleMember[]> = fc
  .array(fc.constantFrom<MemberRole>(...MEMBER_ROLES), { minLength: 0, maxLength: 15 })
  .map((roles) => roles.map((role, i) => ({ memberId: `m${i}`, role })));

/** Members and a valid set of votes: each from a different voting member. */
export const ballotArb = fc.record({ rule: decisionRuleArb, members: eligibleMembersArb }).chain(({ rule, members }) => {
  const voters = members.filter((m) => m.role !== 'secretary').map((m) => m.memberId);
  return fc
    .subarray(voters)
    .chain((ids) => fc.tuple(...ids.map((memberId) => fc.constantFrom(...VOTES).map((vote): CastVote => ({ memberId, vote })))))
    .map((votes) => ({ rule, members, votes: votes as CastVote[] }));
});
