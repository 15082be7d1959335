import type { NewEvent } from '../../../event-store/port/index.js';
import { InconsistentResourceHistory, InvalidResourceRequest } from '../errors.js';
import type { EffortInput, EffortLimits } from '../effort.js';
import { monthsInRange, type Month } from '../months.js';
import { ROLE_KEY } from '../roles/role.js';
import { requireEffort, requireMonthRange, requireText } from '../validation.js';

/**
 * A project's resource plan: the hours it needs per role and month (demand). One stream per portfolio project.
 * Demand is set per role over a range of months; 0 clears those months.
 */
export const DEMAND_EFFORT_LIMITS: EffortLimits = { maxHours: 100_000, maxPercent: 60_000 };

export const PlanCommandType = { SetDemand: 'SetDemand' } as const;
export const PlanEventType = { DemandSet: 'ResourceDemandSet' } as const;

export interface SetDemand {
  readonly type: typeof PlanCommandType.SetDemand;
  readonly data: {
    readonly projectId: string;
    readonly organisationId: string;
    readonly roleId: string;
    readonly from: Month;
    readonly to: Month;
  } & EffortInput;
}

export type PlanCommand = SetDemand;

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface DemandSetData {
  readonly projectId: string;
  readonly organisationId: string;
  readonly roleId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  readonly ftePercent: number | null;
}

export type DemandSet = DomainEvent<typeof PlanEventType.DemandSet, DemandSetData>;
export type PlanEvent = DemandSet;

/** Hours per role and month; months with no demand are absent. */
export type Demand = Readonly<Record<string, Readonly<Record<Month, number>>>>;

export type PlanState =
  | { readonly status: 'none' }
  | { readonly status: 'planned'; readonly projectId: string; readonly organisationId: string; readonly demand: Demand };

export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  const { data } = command;
  requireText(data.projectId, 'projectId');
  requireText(data.organisationId, 'organisationId');
  if (typeof data.roleId !== 'string' || !ROLE_KEY.test(data.roleId)) throw new InvalidResourceRequest('roleId', 'must be the id of a role');
  const { from, to } = requireMonthRange(data.from, data.to);
  const effort = requireEffort(data, DEMAND_EFFORT_LIMITS, 0);
  const current = state.status === 'planned' ? (state.demand[data.roleId] ?? {}) : {};
  if (state.status === 'planned' && monthsInRange(from, to).every((m) => (current[m] ?? 0) === effort.hoursPerMonth)) return [];
  const { projectId, organisationId, roleId } = data;
  return [{ type: PlanEventType.DemandSet, data: { projectId, organisationId, roleId, from, to, ...effort } }];
}

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type !== PlanEventType.DemandSet) throw new InconsistentResourceHistory(event.type, 'unknown event');
  const { projectId, organisationId, roleId, from, to, hoursPerMonth } = event.data;
  const demand = state.status === 'planned' ? state.demand : {};
  const months = { ...(demand[roleId] ?? {}) };
  for (const month of monthsInRange(from, to)) {
    if (hoursPerMonth === 0) delete months[month];
    else months[month] = hoursPerMonth;
  }
  return { status: 'planned', projectId, organisationId, demand: { ...demand, [roleId]: months } };
}

/** The ResourcePlan aggregate (one stream per project). */
export const planDecider = { decide: decidePlan, evolve: evolvePlan, initialState: (): PlanState => ({ status: 'none' }) };
