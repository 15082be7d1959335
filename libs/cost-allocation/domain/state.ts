import type { AllocationBasis, KeyTerms } from './cost-allocation-key.js';

export interface NoCostAllocationKey {
  readonly status: 'none';
}

export interface DefinedCostAllocationKey {
  readonly status: 'defined';
  readonly keyId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly basis: AllocationBasis;
  /** Every terms ever stated, by effective date. */
  readonly terms: readonly KeyTerms[];
}

export type CostAllocationKeyState = NoCostAllocationKey | DefinedCostAllocationKey;

export function initialCostAllocationKeyState(): CostAllocationKeyState {
  return { status: 'none' };
}
