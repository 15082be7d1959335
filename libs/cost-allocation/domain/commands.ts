import type { AllocationBasis, IsoDate } from './cost-allocation-key.js';

export const CostAllocationKeyCommandType = {
  Define: 'DefineCostAllocationKey',
  AddTerms: 'AddCostAllocationTerms',
} as const;

/** A party as the caller states it: its quantity in the basis's unit (absent for an equal split). */
export interface PartyInput {
  readonly partyId: string;
  readonly name?: string | null;
  readonly quantity?: number | null;
}

export interface TermsInput {
  readonly effectiveFrom: IsoDate;
  readonly source?: string | null;
  readonly parties: readonly PartyInput[];
}

/** A cost allocation key (omkostningsfordelingsnøgle) with its first terms. */
export interface DefineCostAllocationKey {
  readonly type: typeof CostAllocationKeyCommandType.Define;
  readonly data: {
    readonly keyId: string;
    readonly organisationId: string;
    readonly name: string;
    readonly basis: AllocationBasis;
    readonly terms: TermsInput;
  };
}

/** New figures from a date on (new population figures, a new agreement); earlier terms stay in the history. */
export interface AddCostAllocationTerms {
  readonly type: typeof CostAllocationKeyCommandType.AddTerms;
  readonly data: {
    readonly keyId: string;
    readonly terms: TermsInput;
  };
}

export type CostAllocationKeyCommand = DefineCostAllocationKey | AddCostAllocationTerms;
