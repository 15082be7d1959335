/** Builders for the organisations domain's tests. Not part of the public API. */
import { deciderSpec } from '../../../../shared-kernel/testing/given-when-then.js';
import { OrganisationCommandType, type OrganisationCommand, type RegisterOrganisation } from '../commands.js';
import { OrganisationEventType, type OrganisationEvent } from '../events.js';
import { organisationDecider } from '../organisation-decider.js';

export const ORGANISATION_ID = 'herning';

export const given = deciderSpec(organisationDecider);

const registration: RegisterOrganisation['data'] = { organisationId: ORGANISATION_ID, name: 'Herning Kommune', kind: 'municipality' };

export function registerOrganisation(overrides: Partial<RegisterOrganisation['data']> = {}): OrganisationCommand {
  return { type: OrganisationCommandType.Register, data: { ...registration, ...overrides } };
}

export function organisationRegistered(overrides: Partial<RegisterOrganisation['data']> = {}): OrganisationEvent {
  return { type: OrganisationEventType.Registered, data: { ...registration, ...overrides } };
}

export function addDepartment(departmentId: string, name: string): OrganisationCommand {
  return { type: OrganisationCommandType.AddDepartment, data: { organisationId: ORGANISATION_ID, departmentId, name } };
}

export function departmentAdded(departmentId: string, name: string): OrganisationEvent {
  return { type: OrganisationEventType.DepartmentAdded, data: { organisationId: ORGANISATION_ID, departmentId, name } };
}

export function renameDepartment(departmentId: string, name: string): OrganisationCommand {
  return { type: OrganisationCommandType.RenameDepartment, data: { organisationId: ORGANISATION_ID, departmentId, name } };
}

export function departmentRenamed(departmentId: string, previousName: string, name: string): OrganisationEvent {
  return { type: OrganisationEventType.DepartmentRenamed, data: { organisationId: ORGANISATION_ID, departmentId, previousName, name } };
}

export function closeDepartment(departmentId: string): OrganisationCommand {
  return { type: OrganisationCommandType.CloseDepartment, data: { organisationId: ORGANISATION_ID, departmentId } };
}

export function departmentClosed(departmentId: string): OrganisationEvent {
  return { type: OrganisationEventType.DepartmentClosed, data: { organisationId: ORGANISATION_ID, departmentId } };
}
