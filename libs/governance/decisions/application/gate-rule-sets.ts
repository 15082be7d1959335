import { DEFAULT_GATE_RULE_SET, type GateRuleSet } from '../../domain/decisions/index.js';

/**
 * The gate rule sets every decision is judged by (the one in force on the meeting day applies). Bound to the
 * default set; a deployment with its own rules provides this token with its sets, each with its effective date.
 */
export const GATE_RULE_SETS = Symbol('GATE_RULE_SETS');

export const DEFAULT_GATE_RULE_SETS: readonly GateRuleSet[] = [DEFAULT_GATE_RULE_SET];
