import type { CapacityRow } from './capacity-view.js';

/** One role over a range of months: demand against capacity. */
export interface RoleScarcity {
  readonly roleId: string;
  readonly demandHours: number;
  readonly capacityHours: number;
  readonly assignedHours: number;
  /** demand ÷ capacity to two decimals (display only); null when there is demand and no capacity at all. */
  readonly demandToCapacity: number | null;
  /** Demand beyond capacity (never negative). */
  readonly shortfallHours: number;
  /** The months in which the role is over-allocated. */
  readonly overAllocatedMonths: readonly string[];
}

/**
 * The scarcest resources first (seed 000: project management and implementation support): roles ordered by
 * demand ÷ capacity, highest first, compared exactly (cross-multiplied whole hours, no rounding); a role with demand
 * and no capacity is scarcest of all; ties by role id.
 */
export function scarcityReport(rows: readonly CapacityRow[]): RoleScarcity[] {
  const byRole = new Map<string, { demand: number; capacity: number; assigned: number; over: string[] }>();
  for (const row of rows) {
    const r = byRole.get(row.roleId) ?? { demand: 0, capacity: 0, assigned: 0, over: [] };
    r.demand += row.demandHours;
    r.capacity += row.capacityHours;
    r.assigned += row.assignedHours;
    if (row.overAllocated) r.over.push(row.month);
    byRole.set(row.roleId, r);
  }
  const roles = [...byRole].map(([roleId, r]) => ({
    roleId,
    demandHours: r.demand,
    capacityHours: r.capacity,
    assignedHours: r.assigned,
    demandToCapacity: r.capacity === 0 ? (r.demand === 0 ? 0 : null) : Math.round((r.demand * 100) / r.capacity) / 100,
    shortfallHours: Math.max(r.demand - r.capacity, 0),
    overAllocatedMonths: r.over,
  }));
  return roles.sort(scarcerFirst);
}

/** Negative when `a` is scarcer than `b`. demand_a / capacity_a vs demand_b / capacity_b without dividing. */
export function scarcerFirst(a: RoleScarcity, b: RoleScarcity): number {
  const infiniteA = a.capacityHours === 0 && a.demandHours > 0;
  const infiniteB = b.capacityHours === 0 && b.demandHours > 0;
  if (infiniteA !== infiniteB) return infiniteA ? -1 : 1;
  if (infiniteA && infiniteB) return b.demandHours - a.demandHours || compareIds(a.roleId, b.roleId);
  // a role with neither demand nor capacity counts as 0 / 1; BigInt keeps the cross products exact
  const x = a.capacityHours === 0 ? [0n, 1n] : [BigInt(a.demandHours), BigInt(a.capacityHours)];
  const y = b.capacityHours === 0 ? [0n, 1n] : [BigInt(b.demandHours), BigInt(b.capacityHours)];
  const difference = y[0] * x[1] - x[0] * y[1];
  return difference < 0n ? -1 : difference > 0n ? 1 : compareIds(a.roleId, b.roleId);
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
