import type { RecordedEvent } from '../../../event-store/index.js';
import { DocumentProjection } from '../../../projections/index.js';
import {
  AgendaEventType,
  type AgendaFrozenData,
  type AgendaPreparedData,
  type AgendaReopenedData,
} from '../../domain/agendas/index.js';
import { organisationOf } from '../../meetings/application/organisation-scope.js';
import { AGENDA_STREAM_PREFIX } from '../application/agenda-stream.js';
import { AgendaSummary } from './agenda-summary.entity.js';

/** Builds `agenda_summaries` from the agenda streams. */
export class AgendaSummaryProjection extends DocumentProjection<AgendaSummary> {
  readonly name = 'agenda_summaries';
  readonly version = 1;
  readonly handles = Object.values(AgendaEventType);
  readonly tables = ['agenda_summaries'];
  protected readonly entity = AgendaSummary;
  protected readonly key = 'meetingId';

  protected keyOf(event: RecordedEvent): string | null {
    if (!event.streamId.startsWith(AGENDA_STREAM_PREFIX)) return null;
    return (event.data as { meetingId?: string }).meetingId ?? null;
  }

  protected evolve(current: AgendaSummary | null, event: RecordedEvent): AgendaSummary | null {
    const touched = { version: event.streamPosition, updatedAt: event.recordedAt };
    switch (event.type) {
      case AgendaEventType.Prepared: {
        const d = event.data as AgendaPreparedData;
        return {
          meetingId: d.meetingId,
          forumId: d.forumId,
          organisationId: organisationOf(event) ?? '',
          status: 'draft',
          revision: 1,
          itemCount: 0,
          frozenRevisions: 0,
          latestContentHash: null,
          ...touched,
        };
      }
      case AgendaEventType.ItemAdded:
        return current && { ...current, itemCount: current.itemCount + 1, ...touched };
      case AgendaEventType.ItemRemoved:
        return current && { ...current, itemCount: current.itemCount - 1, ...touched };
      case AgendaEventType.ItemsReordered:
        return current && { ...current, ...touched };
      case AgendaEventType.Frozen: {
        const d = event.data as AgendaFrozenData;
        return current && {
          ...current,
          status: 'frozen',
          revision: d.revision,
          frozenRevisions: current.frozenRevisions + 1,
          latestContentHash: d.contentHash,
          ...touched,
        };
      }
      case AgendaEventType.Reopened:
        return current && { ...current, status: 'draft', revision: (event.data as AgendaReopenedData).revision, ...touched };
      default:
        return current;
    }
  }
}
