import type { NewEvent } from '../../event-store/port/index.js';
import type { AllocationBasis, KeyTerms } from './cost-allocation-key.js';

/** Facts about a cost allocation key. When and by whom is the event store's metadata. */
export const CostAllocationKeyEventType = {
  Defined: 'CostAllocationKeyDefined',
  TermsAdded: 'CostAllocationTermsAdded',
} as const;

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface CostAllocationKeyDefinedData {
  readonly keyId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly basis: AllocationBasis;
  readonly terms: KeyTerms;
}

export interface CostAllocationTermsAddedData {
  readonly keyId: string;
  readonly terms: KeyTerms;
}

export type CostAllocationKeyDefined = DomainEvent<typeof CostAllocationKeyEventType.Defined, CostAllocationKeyDefinedData>;
export type CostAllocationTermsAdded = DomainEvent<typeof CostAllocationKeyEventType.TermsAdded, CostAllocationTermsAddedData>;
export type CostAllocationKeyEvent = CostAllocationKeyDefined | CostAllocationTermsAdded;
