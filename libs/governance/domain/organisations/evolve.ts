import { InconsistentOrganisationHistory } from './errors.js';
import { OrganisationEventType, type OrganisationEvent } from './events.js';
import type { Department, Organisation, OrganisationState } from './organisation-state.js';

/** Folds one recorded fact into the state. Events are facts, so nothing is re-validated here. */
export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case OrganisationEventType.Registered: {
      if (state.status !== 'none') throw new InconsistentOrganisationHistory(event.type, 'the organisation is already registered');
      const { organisationId, name, kind } = event.data;
      return { status: 'registered', organisationId, name, kind, departments: [] };
    }
    case OrganisationEventType.DepartmentAdded: {
      const organisation = existing(state, event);
      const { departmentId, name } = event.data;
      const department: Department = { departmentId, name, status: 'open', formerNames: [] };
      return { ...organisation, departments: [...organisation.departments, department] };
    }
    case OrganisationEventType.DepartmentRenamed:
      return updateDepartment(state, event, (d) => ({ ...d, name: event.data.name, formerNames: [...d.formerNames, d.name] }));
    case OrganisationEventType.DepartmentClosed:
      return updateDepartment(state, event, (d) => ({ ...d, status: 'closed' }));
  }
}

function existing(state: OrganisationState, event: OrganisationEvent): Organisation {
  if (state.status === 'none') throw new InconsistentOrganisationHistory(event.type, 'the organisation is not registered');
  return state;
}

function updateDepartment(
  state: OrganisationState,
  event: OrganisationEvent & { data: { departmentId: string } },
  update: (department: Department) => Department,
): OrganisationState {
  const organisation = existing(state, event);
  if (!organisation.departments.some((d) => d.departmentId === event.data.departmentId)) {
    throw new InconsistentOrganisationHistory(event.type, `department ${event.data.departmentId} was never added`);
  }
  const departments = organisation.departments.map((d) => (d.departmentId === event.data.departmentId ? update(d) : d));
  return { ...organisation, departments };
}
