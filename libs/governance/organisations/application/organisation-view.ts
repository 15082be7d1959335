import type { OrganisationKind } from '../../domain/organisations/index.js';
import type { LoadedOrganisation } from './organisation-reader.js';

export interface DepartmentView {
  readonly id: string;
  readonly name: string;
  readonly status: 'open' | 'closed';
  /** Earlier names, oldest first. */
  readonly formerNames: readonly string[];
}

/** An organisation as the API shows it. */
export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Every department ever added, closed ones included, in the order added. */
  readonly departments: readonly DepartmentView[];
  readonly version: number;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export function toOrganisationView(loaded: LoadedOrganisation): OrganisationView {
  const { organisation } = loaded;
  return {
    id: organisation.organisationId,
    name: organisation.name,
    kind: organisation.kind,
    departments: organisation.departments.map((d) => ({ id: d.departmentId, name: d.name, status: d.status, formerNames: d.formerNames })),
    version: loaded.version,
    registeredAt: loaded.registeredAt.toISOString(),
    updatedAt: loaded.updatedAt.toISOString(),
  };
}
