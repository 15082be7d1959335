import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import { CollaborationEventType, type MemberJoined, type MemberLeft } from '../domain/index.js';
import { CollaborationMembership } from './collaboration-membership.entity.js';

/** Builds `collaboration_memberships`: each organisation's periods of membership in each collaboration. */
export class CollaborationMembershipProjection extends DocumentProjection<CollaborationMembership> {
  readonly name = 'collaboration_memberships';
  readonly version = 1;
  readonly handles = [CollaborationEventType.MemberJoined, CollaborationEventType.MemberLeft];
  readonly tables = ['collaboration_memberships'];
  protected readonly entity = CollaborationMembership;
  protected readonly key = 'key';

  protected keyOf(event: RecordedEvent): string | null {
    const { collaborationId, organisationId } = event.data as MemberJoined['data'];
    return `${collaborationId}/${organisationId}`;
  }

  protected evolve(current: CollaborationMembership | null, event: RecordedEvent): CollaborationMembership | null {
    if (event.type === CollaborationEventType.MemberJoined) {
      const { collaborationId, organisationId, joinedOn } = event.data as MemberJoined['data'];
      const periods = [...(current?.periods ?? []), { joinedOn, leftOn: null }];
      return { key: `${collaborationId}/${organisationId}`, collaborationId, organisationId, periods };
    }
    if (event.type === CollaborationEventType.MemberLeft && current) {
      const { leftOn } = event.data as MemberLeft['data'];
      return { ...current, periods: current.periods.map((p) => (p.leftOn === null ? { ...p, leftOn } : p)) };
    }
    return current;
  }
}
