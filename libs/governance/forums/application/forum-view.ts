import type { DecisionRule, ForumKind, Mandate, MemberOnDate } from '../../domain/forums/index.js';
import { membersOn } from '../../domain/forums/index.js';
import type { IsoDate } from '../../domain/forums/calendar-date.js';
import type { LoadedForum } from './forum-reader.js';

/** A forum as the API shows it: its set-up and who sits in it on `membersOn` (today, unless asked otherwise). */
export interface ForumView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ForumKind;
  readonly parentForumId: string | null;
  readonly mandate: Mandate;
  readonly decisionRule: DecisionRule;
  /** The day `members` describes. */
  readonly membersOn: IsoDate;
  readonly members: readonly MemberOnDate[];
  readonly version: number;
  readonly establishedAt: string;
  readonly updatedAt: string;
}

export function toForumView(loaded: LoadedForum, date: IsoDate): ForumView {
  const { forum } = loaded;
  return {
    id: forum.forumId,
    organisationId: forum.organisationId,
    name: forum.name,
    kind: forum.kind,
    parentForumId: forum.parentForumId,
    mandate: forum.mandate,
    decisionRule: forum.decisionRule,
    membersOn: date,
    members: membersOn(forum, date),
    version: loaded.version,
    establishedAt: loaded.establishedAt.toISOString(),
    updatedAt: loaded.updatedAt.toISOString(),
  };
}
