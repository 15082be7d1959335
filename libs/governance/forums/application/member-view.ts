import { MemberNotFound, type MemberPerson, type RolePeriod } from '../../domain/forums/index.js';
import type { IsoDate } from '../../domain/forums/calendar-date.js';
import type { LoadedForum } from './forum-reader.js';

/** One member of a forum over time: every stretch of membership with its roles. */
export interface MemberView {
  readonly forumId: string;
  readonly memberId: string;
  /** As given when the member last joined. */
  readonly person: MemberPerson;
  readonly memberships: readonly {
    readonly from: IsoDate;
    /** Last day (inclusive); null while the member stays. */
    readonly to: IsoDate | null;
    readonly roles: readonly RolePeriod[];
  }[];
  /** The forum's version (its ETag): membership changes are changes of the forum. */
  readonly version: number;
}

export function toMemberView(loaded: LoadedForum, memberId: string): MemberView {
  const memberships = loaded.forum.memberships.filter((m) => m.memberId === memberId);
  if (memberships.length === 0) throw new MemberNotFound(memberId);
  return {
    forumId: loaded.forum.forumId,
    memberId,
    person: memberships[memberships.length - 1].person,
    memberships: memberships.map(({ from, to, roles }) => ({ from, to, roles })),
    version: loaded.version,
  };
}
