/** A municipality with departments, a collaboration of several municipalities, or another public body (DOMAIN.md, "Organisations"). */
export const ORGANISATION_KINDS = ['municipality', 'collaboration', 'other_public_body'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** forvaltning, fagområde. A closed department stays, so history and old references keep their meaning. */
export interface Department {
  readonly departmentId: string;
  readonly name: string;
  readonly status: 'open' | 'closed';
  /** Earlier names, oldest first, so that old decisions read as they were written. */
  readonly formerNames: readonly string[];
}

/** Before the first event: the organisation does not exist. */
export interface NoOrganisation {
  readonly status: 'none';
}

export interface Organisation {
  readonly status: 'registered';
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Every department ever added, in the order added, closed ones included. */
  readonly departments: readonly Department[];
}

export type OrganisationState = NoOrganisation | Organisation;

export function initialOrganisationState(): OrganisationState {
  return { status: 'none' };
}

export function findDepartment(organisation: Organisation, departmentId: string): Department | null {
  return organisation.departments.find((d) => d.departmentId === departmentId) ?? null;
}

export function openDepartments(organisation: Organisation): Department[] {
  return organisation.departments.filter((d) => d.status === 'open');
}
