/** A forum has at most one chair on any day. Checked over whole timelines, because roles can be dated ahead or back. */
import { nextDay, type IsoDate } from './calendar-date.js';
import type { Membership } from './membership.js';

/** A day-range [from, until): `until` is exclusive, null means open-ended. */
interface Span {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
}

export interface ChairClash {
  /** The other member who is chair at the same time. */
  readonly memberId: string;
  /** The first day both would be chair. */
  readonly on: IsoDate;
}

/** The first clash between `memberId`'s time as chair and any other member's, or null. */
export function findChairClash(memberships: readonly Membership[], memberId: string): ChairClash | null {
  const own = memberships.filter((m) => m.memberId === memberId).flatMap(chairSpans);
  for (const other of memberships) {
    if (other.memberId === memberId) continue;
    for (const theirs of chairSpans(other)) {
      for (const mine of own) {
        if (overlap(mine, theirs)) return { memberId: other.memberId, on: mine.from > theirs.from ? mine.from : theirs.from };
      }
    }
  }
  return null;
}

function chairSpans(membership: Membership): Span[] {
  const end = membership.to === null ? null : nextDay(membership.to);
  return membership.roles.flatMap((period, i) => {
    const until = membership.roles[i + 1]?.from ?? end;
    // A role superseded the day it began holds for no day at all.
    if (period.role !== 'chair' || (until !== null && until <= period.from)) return [];
    return [{ from: period.from, until }];
  });
}

function overlap(a: Span, b: Span): boolean {
  return (b.until === null || a.from < b.until) && (a.until === null || b.from < a.until);
}
