import { formatMoney } from './errors.js';
import { DEFAULT_GATE_RULE_SET, type GateRule, type GateRuleSet } from './gate-rules.js';
import { FUNDING_TRANSITION, STAGE_AFTER, type GateTransition, type ProjectStage } from './project-lifecycle.js';
import type { ProjectState } from './project-state.js';

/** The next gate of a project, for views: which move, what it takes under the given rules, in words. */
export interface NextGate {
  readonly transition: GateTransition;
  readonly from: ProjectStage;
  readonly to: ProjectStage;
  /** True while deferred: the project must be taken up again at a meeting (it resumes at `from`). */
  readonly deferred: boolean;
  readonly ruleSetVersion: number;
  readonly rule: GateRule;
  readonly description: string;
}

/**
 * The gate the project passes next, under `ruleSet` (pass `ruleSetInForce(sets, today)` for today's rules; the
 * default rule set otherwise). Null when there is none: the project has not entered the portfolio, or has ended.
 */
export function nextGate(state: ProjectState, ruleSet: GateRuleSet = DEFAULT_GATE_RULE_SET): NextGate | null {
  if (state.status === 'none') return null;
  if (state.status !== 'deferred' && state.status !== state.stage) return null;
  if (state.stage === 'closed') return null;
  const from = state.stage;
  const to = STAGE_AFTER[from];
  const transition = `${from}->${to}` as GateTransition;
  const rule = ruleSet.gates[transition] ?? {};
  const needs = describeRule(rule, transition);
  const deferred = state.status === 'deferred';
  const description =
    `${from} -> ${to}: an approval by a forum at a meeting` +
    (needs.length === 0 ? '' : `; ${needs.join('; ')}`) +
    (deferred ? `; deferred${state.deferredToMeetingId === null ? '' : ` to meeting ${state.deferredToMeetingId}`}, to be taken up again` : '');
  return { transition, from, to, deferred, ruleSetVersion: ruleSet.version, rule, description };
}

function describeRule(rule: GateRule, transition: GateTransition): string[] {
  const needs: string[] = [];
  if (transition === FUNDING_TRANSITION) needs.push('states the amount and the funding pool');
  if (rule.minimumWeightedScore !== undefined) needs.push(`a weighted score of at least ${rule.minimumWeightedScore}`);
  else if (rule.requiresScoring === true) needs.push('a weighted score');
  const maximum = rule.maximumAmountWithoutBusinessCase ?? null;
  if (maximum !== null) needs.push(`a business case above ${formatMoney(maximum)}`);
  if (rule.requiresBenefitOwner === true) needs.push('a named benefit owner');
  return needs;
}
