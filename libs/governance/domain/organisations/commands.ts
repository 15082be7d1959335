import type { OrganisationKind } from './organisation-state.js';

/** What someone asks of an organisation. Who asks, and with what right, is the application layer's concern. */
export const OrganisationCommandType = {
  Register: 'RegisterOrganisation',
  AddDepartment: 'AddDepartment',
  RenameDepartment: 'RenameDepartment',
  CloseDepartment: 'CloseDepartment',
} as const;

export interface RegisterOrganisation {
  readonly type: typeof OrganisationCommandType.Register;
  readonly data: {
    /** Chosen by the caller, so a retried request registers the same organisation. */
    readonly organisationId: string;
    readonly name: string;
    readonly kind: OrganisationKind;
  };
}

export interface AddDepartment {
  readonly type: typeof OrganisationCommandType.AddDepartment;
  readonly data: {
    readonly organisationId: string;
    /** Unique within the organisation, for good: a closed department's id is not reused. */
    readonly departmentId: string;
    readonly name: string;
  };
}

export interface RenameDepartment {
  readonly type: typeof OrganisationCommandType.RenameDepartment;
  readonly data: {
    readonly organisationId: string;
    readonly departmentId: string;
    readonly name: string;
  };
}

export interface CloseDepartment {
  readonly type: typeof OrganisationCommandType.CloseDepartment;
  readonly data: {
    readonly organisationId: string;
    readonly departmentId: string;
  };
}

export type OrganisationCommand = RegisterOrganisation | AddDepartment | RenameDepartment | CloseDepartment;
