/**
 * Stage gates as configuration with an effective date. A decision is judged by the rule set in force on the day of
 * its meeting, and its event records that rule set's version and effective date, so a later change of the rules
 * never changes how an old decision reads.
 */
import { isCalendarDate, type IsoDate } from '../forums/calendar-date.js';
import { CURRENCIES, type Money } from '../../../shared-kernel/money.js';
import { InvalidGateRuleSet, NoGateRuleSetInForce } from './errors.js';
import { GATE_TRANSITIONS, type GateTransition } from './project-lifecycle.js';
import { compareScores, isScoreDecimal, type ScoreDecimal } from './score-decimal.js';

/** What a project must show to pass one gate. A rule left out is not required. */
export interface GateRule {
  /** The lowest weighted score ("0.00".."100.00") the agenda pack may show; implies scoring. */
  readonly minimumWeightedScore?: ScoreDecimal;
  /** The agenda pack must show a weighted score for the proposal. */
  readonly requiresScoring?: boolean;
  /** An approval committing more than this needs a business case; null or absent: never needed. */
  readonly maximumAmountWithoutBusinessCase?: Money | null;
  /** A benefit owner must be named (benefits that nobody owns are never followed up). */
  readonly requiresBenefitOwner?: boolean;
}

export interface GateRuleSet {
  /** Positive whole number; recorded with each decision judged by this set. */
  readonly version: number;
  /** The first day (YYYY-MM-DD) the set is in force; it stays in force until a set with a later date takes over. */
  readonly effectiveFrom: IsoDate;
  /** A transition left out has no rules. */
  readonly gates: Readonly<Partial<Record<GateTransition, GateRule>>>;
}

/** Why a project did not pass a gate. */
export type GateFailure =
  | { readonly code: 'not_scored' }
  | { readonly code: 'score_below_minimum'; readonly weightedScore: ScoreDecimal; readonly minimum: ScoreDecimal }
  | { readonly code: 'business_case_missing'; readonly amount: Money; readonly maximumWithoutBusinessCase: Money }
  | { readonly code: 'amount_in_other_currency'; readonly amount: Money; readonly maximumWithoutBusinessCase: Money }
  | { readonly code: 'benefit_owner_missing' };

/** What the forum had in front of it about the project when passing a gate (from the frozen agenda pack). */
export interface GateEvidence {
  readonly weightedScore: ScoreDecimal | null;
  readonly hasBusinessCase: boolean;
  readonly benefitOwnerId: string | null;
  /** The amount the decision commits; null when it commits none. */
  readonly amount: Money | null;
}

/**
 * The default rules (version 1, in force from 2000-01-01, i.e. for every decision until a forum configures its own):
 * - idea -> analysis: the proposal must have been scored. Analysis is spent on proposals the forum can compare.
 * - analysis -> execution (the funding approval): a weighted score of at least 40.00 (of 0..100), and a business case
 *   when more than DKK 500,000 is committed: the cost above which a need is a portfolio project (seed 002 p. 8).
 *   The amount is in DKK, so a forum funding in another currency must configure its own rule set (or have a business
 *   case: an amount in another currency cannot be compared and does not pass without one).
 * - execution -> realisation: a benefit owner must be named before delivery, so benefits are followed up
 *   (DOMAIN.md, "Benefits": the seeds' most repeated failure).
 * - realisation -> closed: no rules.
 */
export const DEFAULT_GATE_RULE_SET: GateRuleSet = {
  version: 1,
  effectiveFrom: '2000-01-01',
  gates: {
    'idea->analysis': { requiresScoring: true },
    'analysis->execution': {
      requiresScoring: true,
      minimumWeightedScore: '40.00',
      maximumAmountWithoutBusinessCase: { amountMinor: 500_000_00, currency: 'DKK' },
    },
    'execution->realisation': { requiresBenefitOwner: true },
    'realisation->closed': {},
  },
};

/**
 * The rule set in force on `onDate`: the one with the latest `effectiveFrom` on or before it; of two taking effect
 * the same day, the higher version (a correction). Throws NoGateRuleSetInForce when none had taken effect yet,
 * InvalidGateRuleSet when a set is malformed.
 */
export function ruleSetInForce(ruleSets: readonly GateRuleSet[], onDate: IsoDate): GateRuleSet {
  if (!isCalendarDate(onDate)) throw new InvalidGateRuleSet('onDate', `must be a date YYYY-MM-DD, got ${String(onDate)}`);
  ruleSets.forEach(validateGateRuleSet);
  let inForce: GateRuleSet | null = null;
  for (const ruleSet of ruleSets) {
    if (ruleSet.effectiveFrom > onDate) continue;
    if (
      inForce === null ||
      ruleSet.effectiveFrom > inForce.effectiveFrom ||
      (ruleSet.effectiveFrom === inForce.effectiveFrom && ruleSet.version > inForce.version)
    ) {
      inForce = ruleSet;
    }
  }
  if (inForce === null) throw new NoGateRuleSetInForce(onDate);
  return inForce;
}

/** Every reason the evidence does not pass `rule`, in a fixed order (scoring, business case, benefit owner). */
export function checkGate(rule: GateRule, evidence: GateEvidence): GateFailure[] {
  const failures: GateFailure[] = [];
  const needsScore = rule.requiresScoring === true || rule.minimumWeightedScore !== undefined;
  if (needsScore && evidence.weightedScore === null) {
    failures.push({ code: 'not_scored' });
  } else if (rule.minimumWeightedScore !== undefined && evidence.weightedScore !== null) {
    if (compareScores(evidence.weightedScore, rule.minimumWeightedScore) < 0) {
      failures.push({ code: 'score_below_minimum', weightedScore: evidence.weightedScore, minimum: rule.minimumWeightedScore });
    }
  }
  const maximum = rule.maximumAmountWithoutBusinessCase ?? null;
  if (maximum !== null && evidence.amount !== null && !evidence.hasBusinessCase) {
    if (evidence.amount.currency !== maximum.currency) {
      failures.push({ code: 'amount_in_other_currency', amount: evidence.amount, maximumWithoutBusinessCase: maximum });
    } else if (evidence.amount.amountMinor > maximum.amountMinor) {
      failures.push({ code: 'business_case_missing', amount: evidence.amount, maximumWithoutBusinessCase: maximum });
    }
  }
  if (rule.requiresBenefitOwner === true && (evidence.benefitOwnerId === null || evidence.benefitOwnerId.trim() === '')) {
    failures.push({ code: 'benefit_owner_missing' });
  }
  return failures;
}

/** Throws InvalidGateRuleSet naming the field at fault. */
export function validateGateRuleSet(ruleSet: GateRuleSet): void {
  const at = `ruleSet[version ${String(ruleSet?.version)}]`;
  if (!Number.isSafeInteger(ruleSet.version) || ruleSet.version < 1) throw new InvalidGateRuleSet(`${at}.version`, 'must be a positive whole number');
  if (!isCalendarDate(ruleSet.effectiveFrom)) throw new InvalidGateRuleSet(`${at}.effectiveFrom`, 'must be a date YYYY-MM-DD');
  const problem = gatesProblem(ruleSet.gates);
  if (problem !== null) throw new InvalidGateRuleSet(`${at}.${problem.field}`, problem.reason);
}

/** What is wrong with a set's gates, the field named from `gates` down; null when nothing is. */
export function gatesProblem(gates: unknown): { readonly field: string; readonly reason: string } | null {
  if (!isPlainObject(gates)) return { field: 'gates', reason: 'must be an object' };
  for (const [transition, rule] of Object.entries(gates)) {
    const path = `gates.${transition}`;
    if (!(GATE_TRANSITIONS as readonly string[]).includes(transition)) {
      return { field: path, reason: `is not a transition; one of ${GATE_TRANSITIONS.join(', ')}` };
    }
    if (rule === undefined) continue;
    if (!isPlainObject(rule)) return { field: path, reason: 'must be an object' };
    for (const flag of ['requiresScoring', 'requiresBenefitOwner'] as const) {
      if (rule[flag] !== undefined && typeof rule[flag] !== 'boolean') return { field: `${path}.${flag}`, reason: 'must be true or false' };
    }
    if (rule.minimumWeightedScore !== undefined && !isScoreDecimal(rule.minimumWeightedScore)) {
      return { field: `${path}.minimumWeightedScore`, reason: 'must be a score from "0.00" to "100.00" with two decimals' };
    }
    const maximum = rule.maximumAmountWithoutBusinessCase;
    if (maximum !== undefined && maximum !== null) {
      if (!isPlainObject(maximum)) return { field: `${path}.maximumAmountWithoutBusinessCase`, reason: 'must be an amount, or null' };
      if (!Number.isSafeInteger(maximum.amountMinor) || (maximum.amountMinor as number) < 0) {
        return { field: `${path}.maximumAmountWithoutBusinessCase.amountMinor`, reason: 'must be a non-negative whole number of minor units' };
      }
      if (!(CURRENCIES as readonly unknown[]).includes(maximum.currency)) {
        return { field: `${path}.maximumAmountWithoutBusinessCase.currency`, reason: `must be one of ${CURRENCIES.join(', ')}` };
      }
    }
  }
  return null;
}

/**
 * The gates with only the fields a rule has, transitions in lifecycle order: what an adopted set records, so a set
 * reads the same however the request ordered or padded it. The gates must be valid (`gatesProblem` null).
 */
export function normaliseGates(gates: GateRuleSet['gates']): GateRuleSet['gates'] {
  const normalised: Partial<Record<GateTransition, GateRule>> = {};
  for (const transition of GATE_TRANSITIONS) {
    const rule = gates[transition];
    if (rule === undefined) continue;
    const maximum = rule.maximumAmountWithoutBusinessCase;
    normalised[transition] = {
      ...(rule.requiresScoring === undefined ? {} : { requiresScoring: rule.requiresScoring }),
      ...(rule.minimumWeightedScore === undefined ? {} : { minimumWeightedScore: rule.minimumWeightedScore }),
      ...(maximum === undefined ? {} : { maximumAmountWithoutBusinessCase: maximum === null ? null : { amountMinor: maximum.amountMinor, currency: maximum.currency } }),
      ...(rule.requiresBenefitOwner === undefined ? {} : { requiresBenefitOwner: rule.requiresBenefitOwner }),
    };
  }
  return normalised;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
