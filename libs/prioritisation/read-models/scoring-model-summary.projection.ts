import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import { ScoringModelEventType, type ScoringModelVersion } from '../domain/index.js';
import { streamOwner } from '../application/prioritisation-streams.js';
import { ScoringModelSummary } from './scoring-model-summary.entity.js';

/** Builds `scoring_models` from the scoring-model streams. */
export class ScoringModelSummaryProjection extends DocumentProjection<ScoringModelSummary> {
  readonly name = 'scoring_models';
  readonly version = 1;
  readonly handles = Object.values(ScoringModelEventType);
  readonly tables = ['scoring_models'];
  protected readonly entity = ScoringModelSummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { modelId?: string }).modelId ?? null;
  }

  protected evolve(current: ScoringModelSummary | null, event: RecordedEvent): ScoringModelSummary | null {
    const at = event.recordedAt;
    switch (event.type) {
      case ScoringModelEventType.Defined: {
        const d = event.data as ScoringModelVersion;
        return {
          id: d.modelId,
          organisationId: streamOwner([event]) ?? '',
          forumId: d.forumId,
          name: d.name,
          status: 'active',
          currentVersion: d.version,
          version: event.streamPosition,
          createdAt: at,
          updatedAt: at,
        };
      }
      case ScoringModelEventType.Revised: {
        const d = event.data as ScoringModelVersion;
        return current && { ...current, name: d.name, currentVersion: d.version, version: event.streamPosition, updatedAt: at };
      }
      case ScoringModelEventType.Retired:
        return current && { ...current, status: 'retired', version: event.streamPosition, updatedAt: at };
      default:
        return current;
    }
  }
}
