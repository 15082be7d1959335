import type { RecordedEvent } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import {
  CollaborationEventType,
  type Collaboration,
  type FeeScheme,
  type HourlyRate,
  type LegalForm,
  type MemberFigure,
  type MembershipPeriod,
  type Project,
} from '../domain/index.js';
import { foldCollaboration } from './collaboration-stream.js';

export interface IssuedSettlementSummary {
  readonly year: number;
  readonly issuedAt: string;
  readonly issuedBy: string;
  /** The stream version the statement was computed from. */
  readonly basedOnVersion: number;
}

/** A collaboration as the API shows it: members over time, forums, fee schemes, rates, figures, projects, settlements. */
export interface CollaborationView {
  readonly id: string;
  /** The administering organisation. */
  readonly organisationId: string;
  readonly name: string;
  readonly legalForm: LegalForm;
  readonly currency: Money['currency'];
  readonly members: readonly MembershipPeriod[];
  readonly forumIds: readonly string[];
  readonly feeSchemes: readonly FeeScheme[];
  readonly hourlyRates: readonly HourlyRate[];
  readonly figures: readonly MemberFigure[];
  readonly projects: readonly Project[];
  readonly settlements: readonly IssuedSettlementSummary[];
  /** The stream version (the ETag). */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The collaboration and its events, folded once: what every query and command answer starts from. */
export interface LoadedCollaboration {
  readonly collaboration: Collaboration;
  readonly events: readonly RecordedEvent[];
}

/** Null when the stream holds no collaboration. */
export function loadCollaboration(events: readonly RecordedEvent[]): LoadedCollaboration | null {
  const state = foldCollaboration(events);
  return state.status === 'none' ? null : { collaboration: state, events };
}

export function toCollaborationView({ collaboration: c, events }: LoadedCollaboration): CollaborationView {
  const settlements = events
    .filter((e) => e.type === CollaborationEventType.SettlementIssued)
    .map((e) => {
      const { year, basedOnVersion } = e.data as { year: number; basedOnVersion: number };
      return { year, basedOnVersion, issuedAt: e.recordedAt.toISOString(), issuedBy: e.metadata.actor.subject };
    });
  const last = events[events.length - 1];
  return {
    id: c.collaborationId,
    organisationId: c.organisationId,
    name: c.name,
    legalForm: c.legalForm,
    currency: c.currency,
    members: c.memberships,
    forumIds: c.forumIds,
    feeSchemes: c.feeSchemes,
    hourlyRates: c.hourlyRates,
    figures: c.figures,
    projects: c.projects,
    settlements,
    version: last.streamPosition,
    createdAt: events[0].recordedAt.toISOString(),
    updatedAt: last.recordedAt.toISOString(),
  };
}
