import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { monthsInRange } from '../months.js';
import type { Assignment, Loan } from '../resources/resource.js';
import { capacityView, resourceMonths, type PlanSnapshot, type ResourceSnapshot } from './capacity-view.js';
import { scarcityReport } from './scarcity.js';

const MONTHS = monthsInRange('2027-01', '2027-06');
const ROLES = ['project_leader', 'process_consultant', 'system_architect'];
const UNITS = ['it', 'social', 'culture'];

const monthArb = fc.constantFrom(...MONTHS);
const rangeArb = fc.tuple(monthArb, monthArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const hoursArb = fc.integer({ min: 0, max: 200 });

const loanArb = (i: number): fc.Arbitrary<Loan> =>
  fc.record({ range: rangeArb, hours: fc.integer({ min: 1, max: 60 }), borrower: fc.constantFrom(...UNITS), active: fc.boolean() }).map(({ range, hours, borrower, active }) => ({
    loanId: `loan-${i}`,
    lenderUnitId: 'home',
    borrowerUnitId: borrower,
    ...range,
    hoursPerMonth: hours,
    ftePercent: null,
    note: null,
    status: active ? 'active' : 'cancelled',
  }));

const assignmentArb = (i: number): fc.Arbitrary<Assignment> =>
  fc.record({ range: rangeArb, hours: fc.integer({ min: 1, max: 150 }), project: fc.constantFrom('p1', 'p2', 'p3'), active: fc.boolean() }).map(({ range, hours, project, active }) => ({
    assignmentId: `a-${i}`,
    projectId: project,
    ...range,
    hoursPerMonth: hours,
    ftePercent: null,
    status: active ? 'active' : 'withdrawn',
  }));

/** Resources as the domain allows them: active loans never exceed a month's capacity (the lender keeps the rest). */
const resourceArb = (i: number): fc.Arbitrary<ResourceSnapshot> =>
  fc
    .record({
      roleId: fc.constantFrom(...ROLES),
      homeUnitId: fc.constantFrom(...UNITS),
      capacity: fc.tuple(...MONTHS.map(() => hoursArb)),
      loans: fc.array(fc.nat(), { maxLength: 3 }).chain((ids) => fc.tuple(...ids.map((_, j) => loanArb(j)))),
      assignments: fc.array(fc.nat(), { maxLength: 4 }).chain((ids) => fc.tuple(...ids.map((_, j) => assignmentArb(j)))),
    })
    .map(({ roleId, homeUnitId, capacity, loans, assignments }) => {
      const months = Object.fromEntries(MONTHS.map((m, k) => [m, capacity[k]]));
      // raise capacity to what is lent, as SetResourceCapacity/LendResource guarantee
      for (const m of MONTHS) {
        const lent = loans.filter((l) => l.status === 'active' && m >= l.from && m <= l.to).reduce((s, l) => s + l.hoursPerMonth, 0);
        months[m] = Math.max(months[m], lent);
      }
      return { resourceId: `r-${i}`, roleId, homeUnitId, capacity: months, loans, assignments };
    });

const resourcesArb = fc.array(fc.nat(), { maxLength: 8 }).chain((ids) => fc.tuple(...ids.map((_, i) => resourceArb(i))));
const plansArb = fc.array(
  fc.record({ projectId: fc.constantFrom('p1', 'p2', 'p3'), role: fc.constantFrom(...ROLES), hours: fc.tuple(...MONTHS.map(() => hoursArb)) }).map(
    ({ projectId, role, hours }): PlanSnapshot => ({ projectId, demand: { [role]: Object.fromEntries(MONTHS.map((m, k) => [m, hours[k]])) } }),
  ),
  { maxLength: 5 },
);

const active = <T extends { status: string; from: string; to: string }>(items: readonly T[], month: string) =>
  items.filter((i) => (i.status === 'active' || i.status === undefined) && month >= i.from && month <= i.to);

describe('capacity view: properties', () => {
  it("sums: each row's capacity, demand and assignments are the sums over the role's resources and the plans", () => {
    fc.assert(
      fc.property(resourcesArb, plansArb, (resources, plans) => {
        const rows = capacityView(resources, plans, { from: '2027-01', to: '2027-06' });
        for (const row of rows) {
          const members = resources.filter((r) => r.roleId === row.roleId);
          expect(row.capacityHours).toBe(members.reduce((s, r) => s + r.capacity[row.month], 0));
          expect(row.assignedHours).toBe(members.reduce((s, r) => s + active(r.assignments, row.month).reduce((t, a) => t + a.hoursPerMonth, 0), 0));
          expect(row.demandHours).toBe(plans.reduce((s, p) => s + (p.demand[row.roleId]?.[row.month] ?? 0), 0));
          expect(row.availableHours).toBe(row.capacityHours - row.assignedHours);
          // loans move capacity between units; they never create or lose an hour
          expect(row.byUnit.reduce((s, u) => s + u.capacityHours, 0)).toBe(row.capacityHours);
          expect(row.byUnit.every((u) => u.capacityHours > 0)).toBe(true);
        }
        // every role of a resource or plan, every month, once
        const roles = new Set([...resources.map((r) => r.roleId), ...plans.flatMap((p) => Object.keys(p.demand))]);
        expect(rows).toHaveLength(roles.size * MONTHS.length);
        // the whole organisation's capacity is all there is, whatever the split into roles
        const total = resources.reduce((s, r) => s + MONTHS.reduce((t, m) => t + r.capacity[m], 0), 0);
        expect(rows.reduce((s, r) => s + r.capacityHours, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it('flags over-allocation if and only if more is assigned than there is capacity, for roles and for resources', () => {
    fc.assert(
      fc.property(resourcesArb, plansArb, (resources, plans) => {
        for (const row of capacityView(resources, plans, { from: '2027-01', to: '2027-06' })) {
          expect(row.overAllocated).toBe(row.assignedHours > row.capacityHours);
          const expected = resources
            .filter((r) => r.roleId === row.roleId)
            .filter((r) => active(r.assignments, row.month).reduce((s, a) => s + a.hoursPerMonth, 0) > r.capacity[row.month])
            .map((r) => r.resourceId)
            .sort();
          expect(row.overAllocatedResourceIds).toEqual(expected);
        }
        for (const resource of resources) {
          for (const month of resourceMonths(resource)) expect(month.overAllocated).toBe(month.assignedHours > month.capacityHours);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders the scarcity report by demand ÷ capacity, highest first, with roles lacking any capacity ahead of all', () => {
    fc.assert(
      fc.property(resourcesArb, plansArb, rangeArb, (resources, plans, range) => {
        const report = scarcityReport(capacityView(resources, plans, range));
        const key = (r: (typeof report)[number]) => (r.capacityHours === 0 ? (r.demandHours > 0 ? Infinity : 0) : r.demandHours / r.capacityHours);
        for (let i = 1; i < report.length; i++) expect(key(report[i - 1])).toBeGreaterThanOrEqual(key(report[i]));
        for (const r of report) {
          expect(r.shortfallHours).toBe(Math.max(r.demandHours - r.capacityHours, 0));
          expect(r.demandToCapacity === null).toBe(r.capacityHours === 0 && r.demandHours > 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('scarcity report', () => {
  it('puts project management and implementation support first when they are the bottleneck (seed 000)', () => {
    const resource = (resourceId: string, roleId: string, hours: number): ResourceSnapshot => ({
      resourceId,
      roleId,
      homeUnitId: 'it',
      capacity: { '2027-01': hours },
      loans: [],
      assignments: [],
    });
    const demand = (roleId: string, hours: number): PlanSnapshot => ({ projectId: `p-${roleId}`, demand: { [roleId]: { '2027-01': hours } } });
    const rows = capacityView(
      [resource('r1', 'project_leader', 160), resource('r2', 'implementation_support', 80), resource('r3', 'system_architect', 160)],
      [demand('project_leader', 400), demand('implementation_support', 160), demand('system_architect', 80), demand('legal_advisor', 10)],
      { from: '2027-01', to: '2027-01' },
    );
    expect(scarcityReport(rows).map((r) => [r.roleId, r.demandToCapacity])).toEqual([
      ['legal_advisor', null],
      ['project_leader', 2.5],
      ['implementation_support', 2],
      ['system_architect', 0.5],
    ]);
  });
});
