/**
 * Who sits in a forum, in which role, over time. Memberships and roles have effective dates, so the forum's
 * composition can be answered as of any day (what the forum looked like when it decided).
 */
import type { IsoDate } from './calendar-date.js';

export const MEMBER_ROLES = ['chair', 'member', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The secretary serves the forum but does not vote. */
export const VOTING_ROLES: readonly MemberRole[] = ['chair', 'member'];

/** Personal data: kept as one nested object so that it can be encrypted (or erased) as a unit. */
export interface MemberPerson {
  readonly name: string;
  readonly email?: string;
}

/** A role held from `from` until the next role of the same membership begins (or the membership ends). */
export interface RolePeriod {
  readonly role: MemberRole;
  readonly from: IsoDate;
}

/** One stretch of membership; a member who leaves and rejoins has several, never overlapping. */
export interface Membership {
  readonly memberId: string;
  readonly person: MemberPerson;
  /** First day as a member. */
  readonly from: IsoDate;
  /** Last day as a member (inclusive); null while the member stays. */
  readonly to: IsoDate | null;
  /** In order of `from`; the first begins on the membership's first day. */
  readonly roles: readonly RolePeriod[];
}

export interface MemberOnDate {
  readonly memberId: string;
  readonly person: MemberPerson;
  readonly role: MemberRole;
  /** First day of the membership that covers the date. */
  readonly memberSince: IsoDate;
}

interface WithMemberships {
  readonly memberships: readonly Membership[];
}

/** The members on `date` (YYYY-MM-DD) with the role each held that day, in the order they joined. */
export function membersOn(forum: WithMemberships, date: IsoDate): MemberOnDate[] {
  return forum.memberships.flatMap((membership) => {
    if (date < membership.from || (membership.to !== null && date > membership.to)) return [];
    const { memberId, person, from } = membership;
    return [{ memberId, person, role: roleOn(membership, date), memberSince: from }];
  });
}

/** The members who may vote on `date`: the chair and the members, not the secretary. */
export function votingMembersOn(forum: WithMemberships, date: IsoDate): MemberOnDate[] {
  return membersOn(forum, date).filter((member) => VOTING_ROLES.includes(member.role));
}

/** The chair on `date`, or null when the forum has none that day. */
export function chairOn(forum: WithMemberships, date: IsoDate): MemberOnDate | null {
  return membersOn(forum, date).find((member) => member.role === 'chair') ?? null;
}

/** The member's most recent membership (the current one, if they have not left), or null if they never joined. */
export function latestMembership(forum: WithMemberships, memberId: string): Membership | null {
  return forum.memberships.findLast((membership) => membership.memberId === memberId) ?? null;
}

/** The role period that began last, even if it begins in the future. */
export function latestRole(membership: Membership): RolePeriod {
  return membership.roles[membership.roles.length - 1];
}

/** The last role begun on or before `date`; a later role begun the same day supersedes an earlier one. */
function roleOn(membership: Membership, date: IsoDate): MemberRole {
  return membership.roles.findLast((period) => period.from <= date)?.role ?? membership.roles[0].role;
}
