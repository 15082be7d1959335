import type { RecordedEvent } from '../../event-store/index.js';
import type { Person } from '../../proposals/domain/proposal-form.js';
import {
  HOURS_PER_FTE_MONTH,
  planDecider,
  resourceDecider,
  resourceMonths,
  roleDecider,
  type Assignment,
  type Loan,
  type PlanEvent,
  type ResourceEvent,
  type ResourceKind,
  type ResourceMonth,
  type RoleEvent,
} from '../domain/index.js';

interface Versioned {
  /** The stream version: the ETag. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RoleView extends Versioned {
  readonly roleId: string;
  readonly name: string;
  readonly description: string | null;
}

export interface ResourceView extends Versioned {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: ResourceKind;
  readonly person: Person | null;
  readonly teamName: string | null;
  readonly roleId: string;
  readonly homeUnitId: string;
  /** The norm the shares of a position were converted at. */
  readonly hoursPerFteMonth: number;
  /** Every month with capacity, a loan or an assignment: over-allocated months are flagged. */
  readonly months: readonly ResourceMonth[];
  readonly loans: readonly Loan[];
  readonly assignments: readonly Assignment[];
}

export interface DemandLine {
  readonly roleId: string;
  readonly month: string;
  readonly hours: number;
}

export interface ResourcePlanView {
  readonly projectId: string;
  /** Per role and month, ordered by role then month. */
  readonly demand: readonly DemandLine[];
  readonly version: number;
}

const times = (events: readonly RecordedEvent[]): Versioned => ({
  version: events[events.length - 1].streamPosition,
  createdAt: events[0].recordedAt.toISOString(),
  updatedAt: events[events.length - 1].recordedAt.toISOString(),
});

export function foldRoleView(events: readonly RecordedEvent[]): RoleView | null {
  const state = events.reduce((s, e) => roleDecider.evolve(s, { type: e.type, data: e.data } as RoleEvent), roleDecider.initialState());
  if (state.status === 'none') return null;
  return { roleId: state.roleId, name: state.name, description: state.description, ...times(events) };
}

export function foldResourceView(events: readonly RecordedEvent[]): ResourceView | null {
  const state = events.reduce((s, e) => resourceDecider.evolve(s, { type: e.type, data: e.data } as ResourceEvent), resourceDecider.initialState());
  if (state.status === 'none') return null;
  const { resourceId, organisationId, kind, person, teamName, roleId, homeUnitId, loans, assignments } = state;
  return {
    id: resourceId,
    organisationId,
    kind,
    person,
    teamName,
    roleId,
    homeUnitId,
    hoursPerFteMonth: HOURS_PER_FTE_MONTH,
    months: resourceMonths(state),
    loans,
    assignments,
    ...times(events),
  };
}

export function foldPlanView(events: readonly RecordedEvent[]): (ResourcePlanView & { organisationId: string }) | null {
  const state = events.reduce((s, e) => planDecider.evolve(s, { type: e.type, data: e.data } as PlanEvent), planDecider.initialState());
  if (state.status === 'none') return null;
  const demand = Object.keys(state.demand)
    .sort()
    .flatMap((roleId) =>
      Object.keys(state.demand[roleId])
        .sort()
        .map((month) => ({ roleId, month, hours: state.demand[roleId][month] })),
    );
  return { projectId: state.projectId, organisationId: state.organisationId, demand, version: events[events.length - 1].streamPosition };
}
