import { normaliseDecisionRule, normaliseMandate } from '../../domain/forums/index.js';
import { describeMandate } from '../application/mandate-summary.js';
import type { ForumSummary } from '../read-models/forum-summary.entity.js';
import { memberCountOn } from '../read-models/forum-summary.projection.js';

/** A row of the forum list as the API shows it: no member names, the mandate with a one-line summary. */
export function toForumListItem(f: ForumSummary, on: string) {
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    parentForumId: f.parentForumId,
    memberCount: memberCountOn(f.memberships, on),
    // normalised: jsonb keeps its own key order, the API shows the domain's
    mandate: { ...normaliseMandate(f.mandate), summary: describeMandate(f.mandate) },
    decisionRule: normaliseDecisionRule(f.decisionRule),
    version: f.version,
    establishedAt: f.establishedAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
