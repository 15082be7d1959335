import type { RecordedEvent } from '../../event-store/index.js';
import {
  costAllocationKeyDecider,
  CostAllocationKeyEventType,
  quantityOf,
  type AllocationBasis,
  type CostAllocationKeyEvent,
  type CostAllocationKeyState,
  type IsoDate,
  type KeyTerms,
} from '../domain/index.js';

export interface KeyTermsView {
  readonly effectiveFrom: IsoDate;
  readonly source: string | null;
  /** Each party's quantity in the basis's unit (inhabitants, FTE, usage units, percent); null for an equal split. */
  readonly parties: readonly { readonly partyId: string; readonly name: string | null; readonly quantity: number | null }[];
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A key as the API shows it: its basis and every set of terms it ever had, by effective date. */
export interface CostAllocationKeyView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly basis: AllocationBasis;
  readonly terms: readonly KeyTermsView[];
  /** The stream version (the ETag). */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function foldCostAllocationKey(events: readonly RecordedEvent[]): CostAllocationKeyState {
  let state = costAllocationKeyDecider.initialState();
  for (const e of events) state = costAllocationKeyDecider.evolve(state, { type: e.type, data: e.data } as CostAllocationKeyEvent);
  return state;
}

/** Null when the stream holds no key. */
export function foldCostAllocationKeyView(events: readonly RecordedEvent[]): CostAllocationKeyView | null {
  const state = foldCostAllocationKey(events);
  if (state.status === 'none') return null;
  const recorded = new Map<string, RecordedEvent>();
  for (const e of events) {
    if (e.type === CostAllocationKeyEventType.Defined || e.type === CostAllocationKeyEventType.TermsAdded) {
      recorded.set((e.data as { terms: KeyTerms }).terms.effectiveFrom, e);
    }
  }
  const last = events[events.length - 1];
  return {
    id: state.keyId,
    organisationId: state.organisationId,
    name: state.name,
    basis: state.basis,
    terms: state.terms.map((t) => {
      const e = recorded.get(t.effectiveFrom)!;
      return {
        effectiveFrom: t.effectiveFrom,
        source: t.source,
        parties: t.parties.map((p) => ({ partyId: p.partyId, name: p.name, quantity: quantityOf(state.basis, p.weight) })),
        recordedAt: e.recordedAt.toISOString(),
        recordedBy: e.metadata.actor.subject,
      };
    }),
    version: last.streamPosition,
    createdAt: events[0].recordedAt.toISOString(),
    updatedAt: last.recordedAt.toISOString(),
  };
}
