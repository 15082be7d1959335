import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import { CostAllocationKeyEventType, type CostAllocationKeyDefinedData, type CostAllocationTermsAddedData } from '../domain/index.js';
import { CostAllocationKeySummary } from './cost-allocation-key-summary.entity.js';

/** Builds `cost_allocation_keys` from the cost-allocation-key streams. */
export class CostAllocationKeySummaryProjection extends DocumentProjection<CostAllocationKeySummary> {
  readonly name = 'cost_allocation_keys';
  readonly version = 1;
  readonly handles = Object.values(CostAllocationKeyEventType);
  readonly tables = ['cost_allocation_keys'];
  protected readonly entity = CostAllocationKeySummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { keyId?: string }).keyId ?? null;
  }

  protected evolve(current: CostAllocationKeySummary | null, event: RecordedEvent): CostAllocationKeySummary | null {
    const at = event.recordedAt;
    switch (event.type) {
      case CostAllocationKeyEventType.Defined: {
        const d = event.data as CostAllocationKeyDefinedData;
        return {
          id: d.keyId,
          organisationId: d.organisationId,
          name: d.name,
          basis: d.basis,
          termsCount: 1,
          firstEffectiveFrom: d.terms.effectiveFrom,
          latestEffectiveFrom: d.terms.effectiveFrom,
          latestParties: d.terms.parties.length,
          version: event.streamPosition,
          createdAt: at,
          updatedAt: at,
        };
      }
      case CostAllocationKeyEventType.TermsAdded: {
        if (!current) return current;
        const { terms } = event.data as CostAllocationTermsAddedData;
        const latest = terms.effectiveFrom > current.latestEffectiveFrom;
        return {
          ...current,
          termsCount: current.termsCount + 1,
          firstEffectiveFrom: terms.effectiveFrom < current.firstEffectiveFrom ? terms.effectiveFrom : current.firstEffectiveFrom,
          latestEffectiveFrom: latest ? terms.effectiveFrom : current.latestEffectiveFrom,
          latestParties: latest ? terms.parties.length : current.latestParties,
          version: event.streamPosition,
          updatedAt: at,
        };
      }
      default:
        return current;
    }
  }
}
