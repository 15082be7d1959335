import type { Money } from '../../shared-kernel/money.js';

/** Legal forms of a collaboration (seed 001, Table 3): an agreement with a steering group, an association, a jointly owned company (60-selskab). */
export const LEGAL_FORMS = ['agreement', 'association', 'jointly_owned_company'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Joint projects include every member unless it opts out (4K); voluntary projects only those that opt in. */
export const PROJECT_KINDS = ['joint', 'voluntary'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** How a project's costs are split among its participants: equal parts (4K) or by inhabitants (Storkøbenhavn). */
export const COST_KEYS = ['equal', 'inhabitants'] as const;
export type CostKey = (typeof COST_KEYS)[number];

/** Figures recorded per member with effective dates: population (latest official figure) and usage (licences, calls). */
export const FIGURE_KINDS = ['inhabitants', 'usage_units'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * Fee schemes (seed 001 §7 item 21): DKK 9 per inhabitant (SBSYS), a fixed fee per half-year (OS2: DKK 8,000), a
 * yearly budget split by size (inhabitants) or by usage. `amount` is the rate per inhabitant, the fee per half-year,
 * or the yearly budget, by kind.
 */
export const FEE_SCHEME_KINDS = ['per_inhabitant', 'fixed_per_half_year', 'by_size', 'by_usage'] as const;
export type FeeSchemeKind = (typeof FEE_SCHEME_KINDS)[number];

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** One entry of hours: at most a working year's worth, in hundredths of an hour. */
export const MAX_HOURS = 2_000;

export interface FeeScheme {
  readonly kind: FeeSchemeKind;
  readonly amount: Money;
  /** Set by the general assembly, valid from a calendar year (OS2: "med gyldighed fra næste kalenderår"). */
  readonly effectiveFromYear: number;
}

/** One period of membership: from its first day to the day before `leftOn` (null: still a member). */
export interface MembershipPeriod {
  readonly organisationId: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
}

export interface MemberFigure {
  readonly organisationId: string;
  readonly kind: FigureKind;
  readonly value: number;
  readonly effectiveFrom: string;
}

export interface HourlyRate {
  /** Per hour, in minor units. */
  readonly rate: Money;
  readonly effectiveFrom: string;
}

export interface Project {
  readonly projectId: string;
  readonly name: string;
  readonly kind: ProjectKind;
  readonly costKey: CostKey;
  /** Starting with fewer participants is refused. */
  readonly minimumParticipants: number;
  /** The proposal the project came from, when there is one. */
  readonly proposalId: string | null;
  readonly status: 'proposed' | 'started';
  readonly startedOn: string | null;
  /** Members that opted out of a joint project, with their reasons. */
  readonly optedOut: readonly { readonly organisationId: string; readonly reason: string | null }[];
  /** Members that opted in to a voluntary project. */
  readonly optedIn: readonly string[];
}

export interface ProjectCost {
  readonly costId: string;
  readonly projectId: string;
  readonly description: string;
  readonly amount: Money;
  readonly incurredOn: string;
  /** The member that paid the invoice; the settlement reimburses it. */
  readonly paidBy: string;
}

export interface HoursEntry {
  readonly entryId: string;
  readonly projectId: string;
  /** The member whose staff delivered the hours. */
  readonly organisationId: string;
  readonly workedOn: string;
  /** Hours × 100, a whole number: 7.5 hours is 750. */
  readonly hundredths: number;
  readonly description: string | null;
}
