import { allocateByWeights } from '../../shared-kernel/allocation.js';
import type { Money } from '../../shared-kernel/money.js';
import { quantityOf, termsInForce, type AllocationBasis, type IsoDate, type KeyTerms } from './cost-allocation-key.js';
import { InvalidCostAllocationKey, NoTermsInForce } from './errors.js';
import type { DefinedCostAllocationKey } from './state.js';

export interface PartyShare {
  readonly partyId: string;
  readonly name: string | null;
  /** In the basis's unit (inhabitants, FTE, usage units, percent); null for an equal split. */
  readonly quantity: number | null;
  readonly weight: number;
  readonly share: Money;
  /** Received one of the øre left over after every share was rounded down (the largest remainders get them). */
  readonly roundedUp: boolean;
}

/** A split and how it was made: the terms in force on the day, the weights, each party's share. */
export interface CostSplit {
  readonly keyId: string;
  readonly basis: AllocationBasis;
  readonly on: IsoDate;
  readonly amount: Money;
  readonly terms: { readonly effectiveFrom: IsoDate; readonly source: string | null };
  readonly method: 'largest_remainder';
  readonly totalWeight: number;
  /** By party id, so the split does not depend on the order the parties were entered in. */
  readonly shares: readonly PartyShare[];
}

/**
 * Splits `amount` by the terms in force on `on`: each party gets its weight's share rounded down to the øre, and the
 * øre left over go one each to the largest remainders (ties: the smaller party id). The shares add up to the amount.
 */
export function splitCost(key: DefinedCostAllocationKey, amount: Money, on: IsoDate): CostSplit {
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor < 0) {
    throw new InvalidCostAllocationKey('amountMinor', 'must be a whole number of minor units, at least 0');
  }
  const terms: KeyTerms | null = termsInForce(key.terms, on);
  if (!terms) throw new NoTermsInForce(key.keyId, on, key.terms[0].effectiveFrom);
  const parties = [...terms.parties].sort((a, b) => (a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0));
  const weights = parties.map((p) => p.weight);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const shares = allocateByWeights(amount.amountMinor, weights);
  return {
    keyId: key.keyId,
    basis: key.basis,
    on,
    amount,
    terms: { effectiveFrom: terms.effectiveFrom, source: terms.source },
    method: 'largest_remainder',
    totalWeight,
    shares: parties.map((p, i) => ({
      partyId: p.partyId,
      name: p.name,
      quantity: quantityOf(key.basis, p.weight),
      weight: p.weight,
      share: { amountMinor: shares[i], currency: amount.currency },
      roundedUp: BigInt(shares[i]) * BigInt(totalWeight) > BigInt(amount.amountMinor) * BigInt(p.weight),
    })),
  };
}
