import type { NewEvent } from '../../../event-store/port/index.js';
import type { OrganisationKind } from './organisation-state.js';

/**
 * Facts about an organisation and its departments. When is the event store's `recordedAt`;
 * who and why are the application layer's metadata.
 */
export const OrganisationEventType = {
  Registered: 'OrganisationRegistered',
  DepartmentAdded: 'DepartmentAdded',
  DepartmentRenamed: 'DepartmentRenamed',
  DepartmentClosed: 'DepartmentClosed',
} as const;
export type OrganisationEventTypeName = (typeof OrganisationEventType)[keyof typeof OrganisationEventType];

/** An event as decided by the domain: a NewEvent without metadata. */
type Fact<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface OrganisationRegisteredData {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

export interface DepartmentAddedData {
  readonly organisationId: string;
  readonly departmentId: string;
  readonly name: string;
}

export interface DepartmentRenamedData {
  readonly organisationId: string;
  readonly departmentId: string;
  /** The name it had, so the event reads on its own. */
  readonly previousName: string;
  readonly name: string;
}

export interface DepartmentClosedData {
  readonly organisationId: string;
  readonly departmentId: string;
}

export type OrganisationRegistered = Fact<typeof OrganisationEventType.Registered, OrganisationRegisteredData>;
export type DepartmentAdded = Fact<typeof OrganisationEventType.DepartmentAdded, DepartmentAddedData>;
export type DepartmentRenamed = Fact<typeof OrganisationEventType.DepartmentRenamed, DepartmentRenamedData>;
export type DepartmentClosed = Fact<typeof OrganisationEventType.DepartmentClosed, DepartmentClosedData>;

export type OrganisationEvent = OrganisationRegistered | DepartmentAdded | DepartmentRenamed | DepartmentClosed;
