import type { Money } from '../../shared-kernel/money.js';

/**
 * Investment areas of the planning horizon (DOMAIN.md, "Money"): (1) service to citizens and businesses, (2) the
 * digital workplace, (3) modernisation of IT systems and architecture. A pool may be for one area, or for all.
 */
export { INVESTMENT_AREAS, type InvestmentArea } from '../../proposals/domain/proposal-form.js';

/** The pool funds development only (DOMAIN.md): a commitment says what it pays for, and `operations` is refused. */
export const COST_KINDS = ['development', 'operations'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Money set aside for one proposal by a decision. */
export interface Commitment {
  readonly commitmentId: string;
  readonly proposalId: string;
  /** The decision that committed it (the decisions context's id). */
  readonly decisionId: string;
  readonly amount: Money;
  readonly costKind: 'development';
  readonly status: 'active' | 'released';
  readonly releaseReason: string | null;
}
