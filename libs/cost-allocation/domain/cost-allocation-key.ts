/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * How a key shares a cost (DOMAIN.md "Organisations", seed 001 §7 item 23): equal parts (4K), per inhabitant
 * (population figures, e.g. SBSYS's DKK 9 per inhabitant), by FTE, by usage (cases, licences), or by agreed
 * percentages (e.g. central and decentral funding).
 */
export const ALLOCATION_BASES = ['equal', 'inhabitants', 'fte', 'usage', 'percentage'] as const;
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

/**
 * A party's quantity as an integer weight: FTE and percentages are kept in hundredths (12.5 FTE = 1250, 37.5 % = 3750),
 * so splits are integer arithmetic throughout.
 */
export const WEIGHT_SCALE: Readonly<Record<AllocationBasis, number>> = { equal: 1, inhabitants: 1, fte: 100, usage: 1, percentage: 100 };

/** Percentages must add up to exactly 100 %, in hundredths of a percent. */
export const FULL_PERCENTAGE_WEIGHT = 10_000;
export const MAX_PARTIES = 200;

export interface KeyParty {
  readonly partyId: string;
  /** A label for people (e.g. "Gentofte Kommune"); null when the id says it all. */
  readonly name: string | null;
  /** The quantity in integer units of the basis (see WEIGHT_SCALE); 1 for an equal split. */
  readonly weight: number;
}

/** The key's figures from a date on, until later terms take over. */
export interface KeyTerms {
  readonly effectiveFrom: IsoDate;
  /** Where the figures come from (e.g. "Danmarks Statistik FOLK1A, 1 January 2027"); null when not stated. */
  readonly source: string | null;
  readonly parties: readonly KeyParty[];
}

/** The terms in force on `on`: the ones with the latest effective date on or before it, or null before the first. */
export function termsInForce(terms: readonly KeyTerms[], on: IsoDate): KeyTerms | null {
  let found: KeyTerms | null = null;
  for (const t of terms) if (t.effectiveFrom <= on && (found === null || t.effectiveFrom > found.effectiveFrom)) found = t;
  return found;
}

/** A weight back in the basis's own unit, for people to read (12.5 FTE, 37.5 %); null for an equal split. */
export function quantityOf(basis: AllocationBasis, weight: number): number | null {
  return basis === 'equal' ? null : weight / WEIGHT_SCALE[basis];
}
