/**
 * How a forum decides: the method (simple majority, qualified majority, unanimity, consensus) and the quorum.
 * An association's general assembly decides by simple majority; some project classes need unanimity or consensus
 * (DOMAIN.md, "Collaborations"). The tally itself is in tally-votes.ts.
 */
import type { Fraction } from './fraction.js';

export type { Fraction };

export const DECISION_METHODS = ['simple_majority', 'qualified_majority', 'unanimity', 'consensus'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

/**
 * The fewest voting members (chair and members) who must take part for the forum to decide:
 * a fixed number, or a fraction of the voting members on the day (rounded up: 1/2 of 5 is 3).
 * A count above the number of voting members cannot be reached: the forum must then be completed first.
 */
export type Quorum =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'fraction'; readonly numerator: number; readonly denominator: number };

interface WithQuorum {
  readonly quorum: Quorum;
}

/** Carried when more vote for than against. */
export interface SimpleMajority extends WithQuorum {
  readonly kind: 'simple_majority';
}

/** Carried when the votes for reach `threshold` of the votes for and against; more than half, at most all. */
export interface QualifiedMajority extends WithQuorum {
  readonly kind: 'qualified_majority';
  readonly threshold: Fraction;
}

/** Carried when nobody present votes against. */
export interface Unanimity extends WithQuorum {
  readonly kind: 'unanimity';
}

/** Carried when nobody present objects. */
export interface Consensus extends WithQuorum {
  readonly kind: 'consensus';
}

export type DecisionRule = SimpleMajority | QualifiedMajority | Unanimity | Consensus;

/** The rule with only its own fields, in a fixed order: what events record, so equal rules compare equal. */
export function normaliseDecisionRule(rule: DecisionRule): DecisionRule {
  const quorum: Quorum =
    rule.quorum.kind === 'count'
      ? { kind: 'count', count: rule.quorum.count }
      : { kind: 'fraction', numerator: rule.quorum.numerator, denominator: rule.quorum.denominator };
  if (rule.kind === 'qualified_majority') {
    const { numerator, denominator } = rule.threshold;
    return { kind: rule.kind, threshold: { numerator, denominator }, quorum };
  }
  return { kind: rule.kind, quorum };
}
