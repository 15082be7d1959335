import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import { CollaborationEventType, type CollaborationEstablished, type SettlementIssued } from '../domain/index.js';
import { CollaborationSummary } from './collaboration-summary.entity.js';

/** Builds `collaborations` from the collaboration streams. */
export class CollaborationSummaryProjection extends DocumentProjection<CollaborationSummary> {
  readonly name = 'collaborations';
  readonly version = 1;
  readonly handles = Object.values(CollaborationEventType);
  readonly tables = ['collaborations'];
  protected readonly entity = CollaborationSummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { collaborationId?: string }).collaborationId ?? null;
  }

  protected evolve(current: CollaborationSummary | null, event: RecordedEvent): CollaborationSummary | null {
    const at = event.recordedAt;
    if (event.type === CollaborationEventType.Established) {
      const d = event.data as CollaborationEstablished['data'];
      return {
        id: d.collaborationId,
        organisationId: d.organisationId,
        name: d.name,
        legalForm: d.legalForm,
        currency: d.currency,
        currentMembers: 0,
        projects: 0,
        settledYears: [],
        version: event.streamPosition,
        createdAt: at,
        updatedAt: at,
      };
    }
    if (!current) return null;
    const row = { ...current, version: event.streamPosition, updatedAt: at };
    switch (event.type) {
      case CollaborationEventType.MemberJoined:
        return { ...row, currentMembers: row.currentMembers + 1 };
      case CollaborationEventType.MemberLeft:
        return { ...row, currentMembers: row.currentMembers - 1 };
      case CollaborationEventType.ProjectRegistered:
        return { ...row, projects: row.projects + 1 };
      case CollaborationEventType.SettlementIssued:
        return { ...row, settledYears: [...row.settledYears, (event.data as SettlementIssued['data']).year].sort((a, b) => a - b) };
      default:
        return row;
    }
  }
}
