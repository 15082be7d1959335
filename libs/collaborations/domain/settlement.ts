import { allocateByWeights, allocateEqually } from '../../shared-kernel/allocation.js';
import type { Money } from '../../shared-kernel/money.js';
import { yearOf } from './calendar.js';
import type { Project } from './collaboration.js';
import { MissingMemberFigure } from './errors.js';
import { feesForYear } from './fees.js';
import { figureOn, membersInYear, participantsOn, rateOn } from './membership.js';
import type { Collaboration } from './state.js';

/** One member's line of the yearly net settlement. */
export interface SettlementMemberLine {
  readonly organisationId: string;
  /** Its share of the costs and the valued hours of the projects it took part in. */
  readonly share: Money;
  /** Hours its staff delivered to the projects in the year. */
  readonly hours: number;
  readonly hoursValue: Money;
  /** Project invoices it paid. */
  readonly costsPaid: Money;
  /** hoursValue + costsPaid. */
  readonly delivered: Money;
  /** share − delivered: what it pays (positive) or receives (negative). The nets of all members sum to zero. */
  readonly net: Money;
  /** The year's fee, owed to the collaboration on the same invoice (null when it cannot be computed). */
  readonly fee: Money | null;
}

export interface SettlementProjectLine {
  readonly projectId: string;
  readonly name: string;
  readonly costs: Money;
  readonly hoursValue: Money;
  /** costs + hoursValue: what the participants share. */
  readonly total: Money;
  readonly shares: readonly { readonly organisationId: string; readonly share: Money }[];
}

export interface SettlementStatement {
  readonly year: number;
  readonly currency: Money['currency'];
  readonly members: readonly SettlementMemberLine[];
  readonly projects: readonly SettlementProjectLine[];
  /** Everything delivered in the year, which is exactly what was shared. */
  readonly total: Money;
}

/** Hours × rate, rounded half up to the øre: the value of one entry of hours. */
export function hoursValue(rateMinor: number, hundredths: number): number {
  return Number((BigInt(rateMinor) * BigInt(hundredths) + 50n) / 100n);
}

interface Item {
  readonly project: Project;
  readonly date: string;
  readonly value: number;
  readonly deliveredBy: string;
  readonly kind: 'cost' | 'hours';
  readonly hundredths: number;
}

interface Group {
  readonly project: Project;
  readonly participants: readonly string[];
  total: number;
}

/**
 * The yearly net settlement (Storkøbenhavn, seed 001 p. 20: only the difference between members is settled, once a
 * year, with the fee). Every cost and every entry of hours dated in the year is valued (hours at the rate in force on
 * the day they were worked), and shared among the project's participants on that day, by the project's cost key,
 * with the largest-remainder method: so the shares sum to exactly what was delivered, and the nets to zero.
 * Inhabitants are read as the fees read them: in force on the member's first day of membership in the year.
 */
export function settlementFor(c: Collaboration, year: number): SettlementStatement {
  const projects = new Map(c.projects.map((p) => [p.projectId, p]));
  const items: Item[] = [];
  for (const cost of c.costs) {
    if (yearOf(cost.incurredOn) !== year) continue;
    items.push({ project: projects.get(cost.projectId)!, date: cost.incurredOn, value: cost.amount.amountMinor, deliveredBy: cost.paidBy, kind: 'cost', hundredths: 0 });
  }
  for (const entry of c.hours) {
    if (yearOf(entry.workedOn) !== year) continue;
    const rate = rateOn(c.hourlyRates, entry.workedOn)!;
    const value = hoursValue(rate.rate.amountMinor, entry.hundredths);
    items.push({ project: projects.get(entry.projectId)!, date: entry.workedOn, value, deliveredBy: entry.organisationId, kind: 'hours', hundredths: entry.hundredths });
  }

  const firstDays = new Map(membersInYear(c, year).map((m) => [m.organisationId, m.firstDay]));
  const lines = new Map<string, { share: number; hundredths: number; hoursValue: number; costsPaid: number }>();
  const line = (organisationId: string) => {
    let l = lines.get(organisationId);
    if (!l) lines.set(organisationId, (l = { share: 0, hundredths: 0, hoursValue: 0, costsPaid: 0 }));
    return l;
  };
  for (const organisationId of firstDays.keys()) line(organisationId);

  // items with the same participants are shared at once, so rounding happens once per group, not per item
  const groups = new Map<string, Group>();
  const projectTotals = new Map<string, { costs: number; hoursValue: number; shares: Map<string, number> }>();
  for (const item of items) {
    const participants = participantsOn(c, item.project, item.date);
    const key = JSON.stringify([item.project.projectId, participants]);
    const group = groups.get(key) ?? { project: item.project, participants, total: 0 };
    group.total += item.value;
    groups.set(key, group);
    const delivered = line(item.deliveredBy);
    const totals = projectTotalsOf(projectTotals, item.project.projectId);
    if (item.kind === 'cost') {
      delivered.costsPaid += item.value;
      totals.costs += item.value;
    } else {
      delivered.hoursValue += item.value;
      delivered.hundredths += item.hundredths;
      totals.hoursValue += item.value;
    }
  }
  for (const group of groups.values()) {
    const shares =
      group.project.costKey === 'equal'
        ? allocateEqually(group.total, group.participants.length)
        : allocateByWeights(group.total, group.participants.map((organisationId) => inhabitants(c, organisationId, firstDays.get(organisationId)!)));
    const totals = projectTotalsOf(projectTotals, group.project.projectId);
    group.participants.forEach((organisationId, i) => {
      line(organisationId).share += shares[i];
      totals.shares.set(organisationId, (totals.shares.get(organisationId) ?? 0) + shares[i]);
    });
  }

  const money = (amountMinor: number): Money => ({ amountMinor, currency: c.currency });
  const fees = new Map(feesForYear(c, year).members.map((f) => [f.organisationId, f.fee]));
  const members = [...lines]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([organisationId, l]) => ({
      organisationId,
      share: money(l.share),
      hours: l.hundredths / 100,
      hoursValue: money(l.hoursValue),
      costsPaid: money(l.costsPaid),
      delivered: money(l.hoursValue + l.costsPaid),
      net: money(l.share - l.hoursValue - l.costsPaid),
      fee: fees.get(organisationId) ?? null,
    }));
  const projectLines = c.projects
    .filter((p) => projectTotals.has(p.projectId))
    .map((p) => {
      const t = projectTotals.get(p.projectId)!;
      return {
        projectId: p.projectId,
        name: p.name,
        costs: money(t.costs),
        hoursValue: money(t.hoursValue),
        total: money(t.costs + t.hoursValue),
        shares: [...t.shares].sort(([a], [b]) => a.localeCompare(b)).map(([organisationId, share]) => ({ organisationId, share: money(share) })),
      };
    });
  return { year, currency: c.currency, members, projects: projectLines, total: money(items.reduce((sum, i) => sum + i.value, 0)) };
}

function projectTotalsOf(totals: Map<string, { costs: number; hoursValue: number; shares: Map<string, number> }>, projectId: string) {
  let t = totals.get(projectId);
  if (!t) totals.set(projectId, (t = { costs: 0, hoursValue: 0, shares: new Map() }));
  return t;
}

function inhabitants(c: Collaboration, organisationId: string, date: string): number {
  const value = figureOn(c.figures, organisationId, 'inhabitants', date);
  if (value === null) throw new MissingMemberFigure(organisationId, 'inhabitants', date);
  return value;
}
