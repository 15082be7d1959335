import { allocateByWeights } from '../../shared-kernel/allocation.js';
import type { Money } from '../../shared-kernel/money.js';
import { joinsAfterFirstJuly } from './calendar.js';
import type { FeeScheme, FigureKind } from './collaboration.js';
import { feeSchemeFor, figureOn, membersInYear } from './membership.js';
import type { Collaboration } from './state.js';

/** One member's fee for one year, and what it was computed from. */
export interface MemberFee {
  readonly organisationId: string;
  /** Its first day of membership in the year: the day its figures are read on, and what decides pro rata. */
  readonly firstDayInYear: string;
  /** `half` when that day is after 1 July. */
  readonly proRata: 'full' | 'half';
  /** The figure the fee rests on (inhabitants or usage units), when the scheme uses one. */
  readonly figure: number | null;
  /** What a member for the whole year would pay; null when the fee cannot be computed. */
  readonly fullFee: Money | null;
  readonly fee: Money | null;
  /** Why the fee cannot be computed, or null. */
  readonly missing: string | null;
}

export interface YearFees {
  readonly year: number;
  /** The scheme in force for the year (the latest effective on or before it), or null. */
  readonly scheme: FeeScheme | null;
  readonly members: readonly MemberFee[];
  /** The sum of the fees, or null when any is missing. */
  readonly total: Money | null;
}

const FIGURE_OF: Record<FeeScheme['kind'], FigureKind | null> = {
  per_inhabitant: 'inhabitants',
  fixed_per_half_year: null,
  by_size: 'inhabitants',
  by_usage: 'usage_units',
};

/**
 * Every member's fee for a year, from the scheme in force for it. The pro-rata rule: a member whose first day of
 * membership in the year is on or before 1 July pays the full year; one that joins after 1 July pays half (a fixed
 * fee: one half-year; per inhabitant: half, rounded down to the øre; a budget split by size or usage: its figure
 * counts half, so the budget is still covered exactly). Leaving during the year does not reduce the fee: it is paid
 * a year in advance (seed 001 p. 16).
 */
export function feesForYear(c: Collaboration, year: number): YearFees {
  const scheme = feeSchemeFor(c.feeSchemes, year);
  const kind = scheme ? FIGURE_OF[scheme.kind] : null;
  const rows = membersInYear(c, year).map((m) => ({
    organisationId: m.organisationId,
    firstDayInYear: m.firstDay,
    half: joinsAfterFirstJuly(m.firstDay),
    figure: kind === null ? null : figureOn(c.figures, m.organisationId, kind, m.firstDay),
  }));
  if (!scheme) return { year, scheme: null, members: rows.map((r) => row(r, null, null, null, 'no fee scheme is in force for the year')), total: null };
  const fees = scheme.kind === 'by_size' || scheme.kind === 'by_usage' ? splitBudget(scheme, rows) : rows.map((r) => perMember(scheme, r));
  const complete = fees.every((f) => f.fee !== null);
  const total = complete ? { amountMinor: fees.reduce((sum, f) => sum + f.fee!.amountMinor, 0), currency: scheme.amount.currency } : null;
  return { year, scheme, members: fees, total };
}

interface FeeRow {
  readonly organisationId: string;
  readonly firstDayInYear: string;
  readonly half: boolean;
  readonly figure: number | null;
}

function row(r: FeeRow, figure: number | null, fullFee: Money | null, fee: Money | null, missing: string | null): MemberFee {
  return { organisationId: r.organisationId, firstDayInYear: r.firstDayInYear, proRata: r.half ? 'half' : 'full', figure, fullFee, fee, missing };
}

function perMember(scheme: FeeScheme, r: FeeRow): MemberFee {
  const money = (amountMinor: number): Money => ({ amountMinor, currency: scheme.amount.currency });
  if (scheme.kind === 'fixed_per_half_year') {
    const full = scheme.amount.amountMinor * 2;
    if (!Number.isSafeInteger(full)) return row(r, null, null, null, 'the fee exceeds the largest amount the service handles');
    return row(r, null, money(full), money(r.half ? scheme.amount.amountMinor : full), null);
  }
  if (r.figure == null) return row(r, null, null, null, `no inhabitants figure in force on ${r.firstDayInYear}`);
  const full = BigInt(scheme.amount.amountMinor) * BigInt(r.figure);
  if (full > BigInt(Number.MAX_SAFE_INTEGER)) return row(r, r.figure, null, null, 'the fee exceeds the largest amount the service handles');
  const fullFee = Number(full);
  return row(r, r.figure, money(fullFee), money(r.half ? Math.floor(fullFee / 2) : fullFee), null);
}

/** A yearly budget split by figures (largest remainder); a half-year member's figure counts half. */
function splitBudget(scheme: FeeScheme, rows: readonly FeeRow[]): MemberFee[] {
  const figureName = scheme.kind === 'by_size' ? 'inhabitants' : 'usage units';
  if (rows.some((r) => r.figure == null)) {
    return rows.map((r) =>
      row(r, r.figure ?? null, null, null, r.figure == null ? `no ${figureName} figure in force on ${r.firstDayInYear}` : `another member has no ${figureName} figure`),
    );
  }
  const weights = rows.map((r) => r.figure! * (r.half ? 1 : 2));
  if (rows.length === 0) return [];
  if (weights.every((w) => w === 0)) return rows.map((r) => row(r, r.figure!, null, null, `every member has 0 ${figureName}`));
  const money = (amountMinor: number): Money => ({ amountMinor, currency: scheme.amount.currency });
  const shares = allocateByWeights(scheme.amount.amountMinor, weights);
  return rows.map((r, i) => {
    // what it would pay as a member for the whole year, the others unchanged
    const full = r.half ? allocateByWeights(scheme.amount.amountMinor, weights.map((w, j) => (j === i ? w * 2 : w)))[i] : shares[i];
    return row(r, r.figure!, money(full), money(shares[i]), null);
  });
}
