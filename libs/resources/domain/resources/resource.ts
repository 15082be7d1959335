import type { Person } from '../../../proposals/domain/proposal-form.js';
import type { EffortLimits } from '../effort.js';
import type { Month } from '../months.js';
import { inRange } from '../months.js';

export const RESOURCE_KINDS = ['person', 'team'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A person gives at most a whole position and the hours of a month (31 × 24); a team, as many people as it has. */
export const PERSON_EFFORT_LIMITS: EffortLimits = { maxHours: 744, maxPercent: 100 };
export const TEAM_EFFORT_LIMITS: EffortLimits = { maxHours: 100_000, maxPercent: 60_000 };

/** Part of the capacity lent from the home unit to another department or member. */
export interface Loan {
  readonly loanId: string;
  readonly lenderUnitId: string;
  readonly borrowerUnitId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  readonly ftePercent: number | null;
  readonly note: string | null;
  readonly status: 'active' | 'cancelled';
}

export interface Assignment {
  readonly assignmentId: string;
  readonly projectId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  readonly ftePercent: number | null;
  readonly status: 'active' | 'withdrawn';
}

export interface RegisteredResource {
  readonly status: 'registered';
  readonly resourceId: string;
  readonly organisationId: string;
  readonly kind: ResourceKind;
  readonly person: Person | null;
  readonly teamName: string | null;
  readonly roleId: string;
  readonly homeUnitId: string;
  /** Hours per month, for the months capacity was set; a month not set has none. */
  readonly capacity: Readonly<Record<Month, number>>;
  /** Every loan and assignment ever made, in order; cancelled and withdrawn ones stay, marked. */
  readonly loans: readonly Loan[];
  readonly assignments: readonly Assignment[];
}

export type ResourceState = { readonly status: 'none' } | RegisteredResource;

export function initialResourceState(): ResourceState {
  return { status: 'none' };
}

export function effortLimits(kind: ResourceKind): EffortLimits {
  return kind === 'person' ? PERSON_EFFORT_LIMITS : TEAM_EFFORT_LIMITS;
}

export function capacityIn(resource: Pick<RegisteredResource, 'capacity'>, month: Month): number {
  return resource.capacity[month] ?? 0;
}

/** Hours lent out by active loans in a month. */
export function lentIn(resource: Pick<RegisteredResource, 'loans'>, month: Month): number {
  return resource.loans.reduce((sum, l) => (l.status === 'active' && inRange(month, l.from, l.to) ? sum + l.hoursPerMonth : sum), 0);
}

/** Hours assigned to projects by active assignments in a month. */
export function assignedIn(resource: Pick<RegisteredResource, 'assignments'>, month: Month): number {
  return resource.assignments.reduce((sum, a) => (a.status === 'active' && inRange(month, a.from, a.to) ? sum + a.hoursPerMonth : sum), 0);
}
