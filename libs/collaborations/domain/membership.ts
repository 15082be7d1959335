import { firstDayOf, lastDayOf } from './calendar.js';
import type { FeeScheme, FigureKind, HourlyRate, MemberFigure, MembershipPeriod, Project } from './collaboration.js';

/** What membership questions need of a collaboration: its periods (and, for participation, nothing else). */
interface Memberships {
  readonly memberships: readonly MembershipPeriod[];
}

const covers = (p: MembershipPeriod, date: string) => p.joinedOn <= date && (p.leftOn === null || date < p.leftOn);

export function isMemberOn(c: Memberships, organisationId: string, date: string): boolean {
  return c.memberships.some((p) => p.organisationId === organisationId && covers(p, date));
}

/** The organisation's open period (it has joined and not left), if any. */
export function openPeriod(c: Memberships, organisationId: string): MembershipPeriod | undefined {
  return c.memberships.find((p) => p.organisationId === organisationId && p.leftOn === null);
}

export function hasEverBeenMember(c: Memberships, organisationId: string): boolean {
  return c.memberships.some((p) => p.organisationId === organisationId);
}

/** Members on a day, sorted by id: the order every split uses, so the odd øre always go the same way. */
export function membersOn(c: Memberships, date: string): string[] {
  return [...new Set(c.memberships.filter((p) => covers(p, date)).map((p) => p.organisationId))].sort();
}

/** Every organisation that was a member on at least one day of the year, with its first day of membership that year. */
export function membersInYear(c: Memberships, year: number): { organisationId: string; firstDay: string }[] {
  const from = firstDayOf(year);
  const to = lastDayOf(year);
  const first = new Map<string, string>();
  for (const p of c.memberships) {
    if (p.joinedOn > to || (p.leftOn !== null && p.leftOn <= from)) continue;
    const day = p.joinedOn < from ? from : p.joinedOn;
    const known = first.get(p.organisationId);
    if (known === undefined || day < known) first.set(p.organisationId, day);
  }
  return [...first].map(([organisationId, firstDay]) => ({ organisationId, firstDay })).sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/** The latest figure of this kind in force on the day (effective on or before it), or null. */
export function figureOn(figures: readonly MemberFigure[], organisationId: string, kind: FigureKind, date: string): number | null {
  let found: MemberFigure | null = null;
  for (const f of figures) {
    if (f.organisationId !== organisationId || f.kind !== kind || f.effectiveFrom > date) continue;
    if (found === null || f.effectiveFrom >= found.effectiveFrom) found = f;
  }
  return found?.value ?? null;
}

export function rateOn(rates: readonly HourlyRate[], date: string): HourlyRate | null {
  let found: HourlyRate | null = null;
  for (const r of rates) if (r.effectiveFrom <= date && (found === null || r.effectiveFrom >= found.effectiveFrom)) found = r;
  return found;
}

export function feeSchemeFor(schemes: readonly FeeScheme[], year: number): FeeScheme | null {
  let found: FeeScheme | null = null;
  for (const s of schemes) if (s.effectiveFromYear <= year && (found === null || s.effectiveFromYear >= found.effectiveFromYear)) found = s;
  return found;
}

/**
 * Whether a member takes part in a project on a day: it is a member that day, and either the project is joint and it
 * did not opt out, or the project is voluntary and it opted in. Participation is settled before the project starts.
 */
export function participatesOn(c: Memberships, project: Project, organisationId: string, date: string): boolean {
  if (!isMemberOn(c, organisationId, date)) return false;
  return project.kind === 'joint' ? !project.optedOut.some((o) => o.organisationId === organisationId) : project.optedIn.includes(organisationId);
}

/** The participants on a day, sorted by id. */
export function participantsOn(c: Memberships, project: Project, date: string): string[] {
  return membersOn(c, date).filter((organisationId) => participatesOn(c, project, organisationId, date));
}
