import { monthsInRange, type Month } from '../months.js';
import type { Demand } from '../plans/plan.js';
import { assignedIn, capacityIn, type Assignment, type Loan } from '../resources/resource.js';

/** What the capacity view needs of a resource. */
export interface ResourceSnapshot {
  readonly resourceId: string;
  readonly roleId: string;
  readonly homeUnitId: string;
  readonly capacity: Readonly<Record<Month, number>>;
  readonly loans: readonly Loan[];
  readonly assignments: readonly Assignment[];
}

export interface PlanSnapshot {
  readonly projectId: string;
  readonly demand: Demand;
}

export interface UnitCapacity {
  readonly unitId: string;
  readonly capacityHours: number;
}

/** One role in one month: what there is, what is asked for, what is promised. */
export interface CapacityRow {
  readonly roleId: string;
  readonly month: Month;
  readonly capacityHours: number;
  readonly demandHours: number;
  readonly assignedHours: number;
  /** capacity − assigned; negative when over-allocated. */
  readonly availableHours: number;
  /** Demand not yet covered by assignments (never negative). */
  readonly unassignedDemandHours: number;
  /** assigned > capacity. */
  readonly overAllocated: boolean;
  /** The resources of the role assigned beyond their own capacity this month. */
  readonly overAllocatedResourceIds: readonly string[];
  /** Where the capacity sits after loans: the lender keeps the rest, the borrower has what is lent. Sums to capacity. */
  readonly byUnit: readonly UnitCapacity[];
}

/**
 * The capacity view per role and month over `months`: capacity of the role's resources, demand of every project's
 * plan, assignments of the role's resources. Roles are those of the resources and plans (or only `roleId`), ordered
 * by id; months in order. Over-allocation is flagged, never hidden.
 */
export function capacityView(
  resources: readonly ResourceSnapshot[],
  plans: readonly PlanSnapshot[],
  range: { readonly from: Month; readonly to: Month },
  roleId?: string,
): CapacityRow[] {
  const months = monthsInRange(range.from, range.to);
  const roles = [...new Set([...resources.map((r) => r.roleId), ...plans.flatMap((p) => Object.keys(p.demand))])]
    .filter((r) => roleId === undefined || r === roleId)
    .sort();
  const rows: CapacityRow[] = [];
  for (const role of roles) {
    const members = resources.filter((r) => r.roleId === role);
    for (const month of months) {
      let capacityHours = 0;
      let assignedHours = 0;
      const overAllocatedResourceIds: string[] = [];
      const units = new Map<string, number>();
      const add = (unitId: string, hours: number) => units.set(unitId, (units.get(unitId) ?? 0) + hours);
      for (const resource of members) {
        const capacity = capacityIn(resource, month);
        const assigned = assignedIn(resource, month);
        capacityHours += capacity;
        assignedHours += assigned;
        if (assigned > capacity) overAllocatedResourceIds.push(resource.resourceId);
        let kept = capacity;
        for (const loan of resource.loans) {
          if (loan.status !== 'active' || month < loan.from || month > loan.to) continue;
          add(loan.borrowerUnitId, loan.hoursPerMonth);
          kept -= loan.hoursPerMonth;
        }
        add(resource.homeUnitId, kept);
      }
      const demandHours = plans.reduce((sum, p) => sum + (p.demand[role]?.[month] ?? 0), 0);
      rows.push({
        roleId: role,
        month,
        capacityHours,
        demandHours,
        assignedHours,
        availableHours: capacityHours - assignedHours,
        unassignedDemandHours: Math.max(demandHours - assignedHours, 0),
        overAllocated: assignedHours > capacityHours,
        overAllocatedResourceIds: overAllocatedResourceIds.sort(),
        byUnit: [...units]
          .filter(([, hours]) => hours !== 0)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([unitId, hours]) => ({ unitId, capacityHours: hours })),
      });
    }
  }
  return rows;
}

/** One resource's months: capacity, what it lends out, what it is assigned, and whether that is more than it has. */
export interface ResourceMonth {
  readonly month: Month;
  readonly capacityHours: number;
  readonly lentHours: number;
  readonly assignedHours: number;
  readonly overAllocated: boolean;
}

/** Every month the resource has capacity, a loan or an assignment in, in order. */
export function resourceMonths(resource: Omit<ResourceSnapshot, 'resourceId' | 'roleId' | 'homeUnitId'>): ResourceMonth[] {
  const months = new Set<Month>(Object.keys(resource.capacity));
  for (const item of [...resource.loans, ...resource.assignments]) {
    if (item.status === 'active') for (const m of monthsInRange(item.from, item.to)) months.add(m);
  }
  return [...months].sort().map((month) => {
    const capacityHours = capacityIn(resource, month);
    const assignedHours = assignedIn(resource, month);
    const lentHours = resource.loans.reduce((s, l) => (l.status === 'active' && month >= l.from && month <= l.to ? s + l.hoursPerMonth : s), 0);
    return { month, capacityHours, lentHours, assignedHours, overAllocated: assignedHours > capacityHours };
  });
}
