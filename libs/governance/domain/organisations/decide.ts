import {
  OrganisationCommandType,
  type AddDepartment,
  type CloseDepartment,
  type OrganisationCommand,
  type RegisterOrganisation,
  type RenameDepartment,
} from './commands.js';
import { DepartmentAlreadyExists, DepartmentIsClosed, DepartmentNotFound, OrganisationAlreadyExists, OrganisationNotFound } from './errors.js';
import { OrganisationEventType, type OrganisationEvent } from './events.js';
import { findDepartment, type Department, type Organisation, type OrganisationState } from './organisation-state.js';
import { requireText, validateOrganisationKind } from './validate-organisation.js';

/**
 * The rules of an organisation and its departments. Returns the events to record (without metadata) or throws a
 * DomainError; a rename to the current name returns no events.
 */
export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  switch (command.type) {
    case OrganisationCommandType.Register:
      return register(command, state);
    case OrganisationCommandType.AddDepartment:
      return addDepartment(command, state);
    case OrganisationCommandType.RenameDepartment:
      return renameDepartment(command, state);
    case OrganisationCommandType.CloseDepartment:
      return closeDepartment(command, state);
  }
}

function register({ data }: RegisterOrganisation, state: OrganisationState): OrganisationEvent[] {
  if (state.status !== 'none') throw new OrganisationAlreadyExists(data.organisationId);
  requireText(data.organisationId, 'organisationId');
  requireText(data.name, 'name');
  validateOrganisationKind(data.kind);
  const { organisationId, name, kind } = data;
  return [{ type: OrganisationEventType.Registered, data: { organisationId, name, kind } }];
}

function addDepartment({ data }: AddDepartment, state: OrganisationState): OrganisationEvent[] {
  const organisation = existing(state, data.organisationId);
  requireText(data.departmentId, 'departmentId');
  requireText(data.name, 'name');
  if (findDepartment(organisation, data.departmentId) !== null) throw new DepartmentAlreadyExists(data.departmentId);
  const { departmentId, name } = data;
  return [{ type: OrganisationEventType.DepartmentAdded, data: { organisationId: organisation.organisationId, departmentId, name } }];
}

function renameDepartment({ data }: RenameDepartment, state: OrganisationState): OrganisationEvent[] {
  const organisation = existing(state, data.organisationId);
  requireText(data.name, 'name');
  const department = openDepartment(organisation, data.departmentId);
  if (department.name === data.name) return [];
  return [
    {
      type: OrganisationEventType.DepartmentRenamed,
      data: { organisationId: organisation.organisationId, departmentId: department.departmentId, previousName: department.name, name: data.name },
    },
  ];
}

function closeDepartment({ data }: CloseDepartment, state: OrganisationState): OrganisationEvent[] {
  const organisation = existing(state, data.organisationId);
  const department = openDepartment(organisation, data.departmentId);
  const { organisationId } = organisation;
  return [{ type: OrganisationEventType.DepartmentClosed, data: { organisationId, departmentId: department.departmentId } }];
}

function existing(state: OrganisationState, organisationId: string): Organisation {
  if (state.status === 'none') throw new OrganisationNotFound(organisationId);
  return state;
}

function openDepartment(organisation: Organisation, departmentId: string): Department {
  const department = findDepartment(organisation, departmentId);
  if (department === null) throw new DepartmentNotFound(departmentId);
  if (department.status === 'closed') throw new DepartmentIsClosed(departmentId);
  return department;
}
