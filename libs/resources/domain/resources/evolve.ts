import { InconsistentResourceHistory } from '../errors.js';
import { monthsInRange } from '../months.js';
import { ResourceEventType, type ResourceEvent } from './events.js';
import type { RegisteredResource, ResourceState } from './resource.js';

/** Folds one recorded fact into the resource. Events are facts: nothing is re-validated, only their order. */
export function evolve(state: ResourceState, event: ResourceEvent): ResourceState {
  if (event.type === ResourceEventType.Registered) {
    if (state.status !== 'none') throw new InconsistentResourceHistory(event.type, 'the resource exists already');
    return { status: 'registered', ...event.data, capacity: {}, loans: [], assignments: [] };
  }
  if (state.status === 'none') throw new InconsistentResourceHistory(event.type, 'the resource does not exist');
  return evolveRegistered(state, event);
}

function evolveRegistered(resource: RegisteredResource, event: ResourceEvent): RegisteredResource {
  switch (event.type) {
    case ResourceEventType.Amended: {
      const { resourceId: _id, ...changes } = event.data;
      return { ...resource, ...changes };
    }
    case ResourceEventType.CapacitySet: {
      const capacity = { ...resource.capacity };
      for (const month of monthsInRange(event.data.from, event.data.to)) capacity[month] = event.data.hoursPerMonth;
      return { ...resource, capacity };
    }
    case ResourceEventType.Lent: {
      const { resourceId: _id, ...loan } = event.data;
      return { ...resource, loans: [...resource.loans, { ...loan, status: 'active' }] };
    }
    case ResourceEventType.LoanCancelled:
      return { ...resource, loans: resource.loans.map((l) => (l.loanId === event.data.loanId ? { ...l, status: 'cancelled' as const } : l)) };
    case ResourceEventType.Assigned: {
      const { resourceId: _id, ...assignment } = event.data;
      return { ...resource, assignments: [...resource.assignments, { ...assignment, status: 'active' }] };
    }
    case ResourceEventType.AssignmentWithdrawn:
      return {
        ...resource,
        assignments: resource.assignments.map((a) => (a.assignmentId === event.data.assignmentId ? { ...a, status: 'withdrawn' as const } : a)),
      };
    case ResourceEventType.Registered:
      throw new InconsistentResourceHistory(event.type, 'the resource exists already');
  }
}
