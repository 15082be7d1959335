/**
 * A forum's mandate (kommissorium): which kinds of decision it may take, about which investment areas and
 * departments, and up to what amount it may approve. A matter beyond it is escalated to the parent forum.
 */
import { INVESTMENT_AREAS, type InvestmentArea } from '../../../proposals/domain/proposal-form.js';
import type { Money } from '../../../shared-kernel/money.js';
import { MandateExceeded } from './errors.js';

/** The decisions of DOMAIN.md, "Governance forums", plus escalation to the parent forum. */
export const DECISION_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface Mandate {
  /** Empty means every area. */
  readonly investmentAreas: readonly InvestmentArea[];
  /** Empty means every department of the organisation. */
  readonly departmentIds: readonly string[];
  /** Empty means the forum may decide nothing (an advisory forum): there is no "all" here, kinds are granted. */
  readonly decisionKinds: readonly DecisionKind[];
  /** The most an approval may commit; null means no limit. Applies to approvals only. */
  readonly maximumAmount: Money | null;
}

/** The matter a decision is about, as far as the mandate cares. Absent and null both mean "not stated". */
export interface MandatedMatter {
  readonly kind: DecisionKind;
  readonly amount?: Money | null;
  readonly area?: InvestmentArea | null;
  readonly departmentId?: string | null;
}

/** Why a decision is outside the mandate; `null` where the matter did not state the value a limit needs. */
export type MandateBreach =
  | { readonly code: 'decision_kind_not_mandated'; readonly kind: DecisionKind }
  | { readonly code: 'investment_area_not_mandated'; readonly area: InvestmentArea | null }
  | { readonly code: 'department_not_mandated'; readonly departmentId: string | null }
  | { readonly code: 'amount_not_stated'; readonly maximum: Money }
  | { readonly code: 'amount_in_other_currency'; readonly amount: Money; readonly maximum: Money }
  | { readonly code: 'amount_above_maximum'; readonly amount: Money; readonly maximum: Money };

export type MandateCheck = { readonly allowed: true } | { readonly allowed: false; readonly reasons: readonly MandateBreach[] };

/**
 * Every reason a decision falls outside the mandate, in a fixed order (kind, area, department, amount).
 * A limited mandate refuses a matter that does not state what the limit needs: it cannot confirm it is inside.
 * An escalation is checked for its kind only: area, department and amount beyond the mandate are why one escalates.
 */
export function checkMandate(mandate: Mandate, matter: MandatedMatter): MandateCheck {
  const reasons: MandateBreach[] = [];
  if (!mandate.decisionKinds.includes(matter.kind)) reasons.push({ code: 'decision_kind_not_mandated', kind: matter.kind });
  if (matter.kind !== 'escalate') {
    const area = matter.area ?? null;
    if (mandate.investmentAreas.length > 0 && (area === null || !mandate.investmentAreas.includes(area))) {
      reasons.push({ code: 'investment_area_not_mandated', area });
    }
    const departmentId = matter.departmentId ?? null;
    if (mandate.departmentIds.length > 0 && (departmentId === null || !mandate.departmentIds.includes(departmentId))) {
      reasons.push({ code: 'department_not_mandated', departmentId });
    }
  }
  if (matter.kind === 'approve' && mandate.maximumAmount !== null) {
    const breach = amountBreach(matter.amount ?? null, mandate.maximumAmount);
    if (breach) reasons.push(breach);
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

/** The mandate with only its own fields and its lists in a fixed order: they are sets, so order is no change. */
export function normaliseMandate(mandate: Mandate): Mandate {
  const { maximumAmount } = mandate;
  return {
    investmentAreas: INVESTMENT_AREAS.filter((area) => mandate.investmentAreas.includes(area)),
    departmentIds: [...mandate.departmentIds].sort(),
    decisionKinds: DECISION_KINDS.filter((kind) => mandate.decisionKinds.includes(kind)),
    maximumAmount: maximumAmount === null ? null : { amountMinor: maximumAmount.amountMinor, currency: maximumAmount.currency },
  };
}

/** For decide functions: throws MandateExceeded, so a decision outside the mandate records nothing. */
export function requireWithinMandate(forumId: string, mandate: Mandate, matter: MandatedMatter): void {
  const check = checkMandate(mandate, matter);
  if (!check.allowed) throw new MandateExceeded(forumId, check.reasons);
}

function amountBreach(amount: Money | null, maximum: Money): MandateBreach | null {
  if (amount === null) return { code: 'amount_not_stated', maximum };
  // Amounts in different currencies cannot be compared without an exchange rate the domain does not have.
  if (amount.currency !== maximum.currency) return { code: 'amount_in_other_currency', amount, maximum };
  if (amount.amountMinor > maximum.amountMinor) return { code: 'amount_above_maximum', amount, maximum };
  return null;
}
