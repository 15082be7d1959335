import type { Actor, RecordedEvent } from '../../event-store/index.js';
import {
  ProposalEventType,
  diffProposalForms,
  emptyProposalForm,
  type FieldChange,
  type ProposalAmendedData,
  type ProposalDraftedData,
  type ProposalWithdrawnData,
} from '../domain/index.js';

export interface ProposalHistoryEntry {
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly reason: string | null;
  readonly correlationId: string;
  readonly requestId: string | null;
  readonly globalPosition: string;
  /** What changed: the answers given or amended, or the status moved. */
  readonly changes: readonly FieldChange[];
}

/** Every event of a proposal's stream, told as who changed what, when and why. */
export function proposalHistory(events: readonly RecordedEvent[]): ProposalHistoryEntry[] {
  let status = 'none';
  return events.map((e) => {
    let changes: readonly FieldChange[] = [];
    switch (e.type) {
      case ProposalEventType.Drafted: {
        const d = e.data as ProposalDraftedData;
        // a new proposal had no answers at all: show every given answer as coming from nothing
        const given = diffProposalForms(emptyProposalForm('', ''), d.form).changes.map((c) => ({ ...c, from: null }));
        changes = [{ field: 'status', from: null, to: 'draft' }, ...given];
        status = 'draft';
        break;
      }
      case ProposalEventType.Amended:
        changes = (e.data as ProposalAmendedData).changes;
        break;
      case ProposalEventType.Submitted:
        changes = [{ field: 'status', from: status, to: 'submitted' }];
        status = 'submitted';
        break;
      case ProposalEventType.Withdrawn:
        changes = [
          { field: 'status', from: status, to: 'withdrawn' },
          { field: 'withdrawalReason', from: null, to: (e.data as ProposalWithdrawnData).reason },
        ];
        status = 'withdrawn';
        break;
    }
    return {
      version: e.streamPosition,
      eventId: e.eventId,
      type: e.type,
      recordedAt: e.recordedAt.toISOString(),
      actor: e.metadata.actor,
      reason: e.metadata.reason ?? null,
      correlationId: e.metadata.correlationId,
      requestId: e.metadata.requestId ?? null,
      globalPosition: e.globalPosition.toString(),
      changes,
    };
  });
}
