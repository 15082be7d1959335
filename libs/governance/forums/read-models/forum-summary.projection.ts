import type { RecordedEvent } from '../../../event-store/index.js';
import { DocumentProjection } from '../../../projections/index.js';
import {
  ForumEventType,
  type ForumDecisionRuleChangedData,
  type ForumEstablishedData,
  type ForumMandateAmendedData,
  type ForumMemberJoinedData,
  type ForumMemberLeftData,
} from '../../domain/forums/index.js';
import { ForumSummary, type MembershipSpan } from './forum-summary.entity.js';

/** Builds `forum_summaries` from the forum streams. Disposable: a rebuild from the log yields the same rows. */
export class ForumSummaryProjection extends DocumentProjection<ForumSummary> {
  readonly name = 'forum_summaries';
  readonly version = 1;
  readonly handles = Object.values(ForumEventType);
  readonly tables = ['forum_summaries'];
  protected readonly entity = ForumSummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { forumId?: string }).forumId ?? null;
  }

  protected evolve(current: ForumSummary | null, event: RecordedEvent): ForumSummary | null {
    const touched = (row: ForumSummary, changes: Partial<ForumSummary>): ForumSummary => ({
      ...row,
      ...changes,
      version: event.streamPosition,
      updatedAt: event.recordedAt,
    });
    if (event.type === ForumEventType.Established) {
      const d = event.data as ForumEstablishedData;
      return {
        id: d.forumId,
        organisationId: d.organisationId,
        name: d.name,
        kind: d.kind,
        parentForumId: d.parentForumId,
        mandate: d.mandate,
        decisionRule: d.decisionRule,
        memberships: [],
        version: event.streamPosition,
        establishedAt: event.recordedAt,
        updatedAt: event.recordedAt,
      };
    }
    if (!current) return null;
    switch (event.type) {
      case ForumEventType.MandateAmended:
        return touched(current, { mandate: (event.data as ForumMandateAmendedData).mandate });
      case ForumEventType.DecisionRuleChanged:
        return touched(current, { decisionRule: (event.data as ForumDecisionRuleChangedData).decisionRule });
      case ForumEventType.MemberJoined: {
        const { memberId, from } = event.data as ForumMemberJoinedData;
        return touched(current, { memberships: [...current.memberships, { memberId, from, to: null }] });
      }
      case ForumEventType.MemberLeft: {
        const { memberId, to } = event.data as ForumMemberLeftData;
        return touched(current, { memberships: closeLatest(current.memberships, memberId, to) });
      }
      default:
        // a role change changes no column of the list, but it is a new version of the forum
        return touched(current, {});
    }
  }
}

function closeLatest(memberships: readonly MembershipSpan[], memberId: string, to: string): MembershipSpan[] {
  const index = memberships.findLastIndex((m) => m.memberId === memberId && m.to === null);
  return memberships.map((m, i) => (i === index ? { ...m, to } : m));
}

/** Members on `date` (YYYY-MM-DD): memberships that began on or before it and had not ended before it. */
export function memberCountOn(memberships: readonly MembershipSpan[], date: string): number {
  return memberships.filter((m) => m.from <= date && (m.to === null || date <= m.to)).length;
}
