import type { NewEvent } from '../../../event-store/port/index.js';
import type { Person } from '../../../proposals/domain/proposal-form.js';
import type { Month } from '../months.js';
import type { ResourceKind } from './resource.js';

/** Facts about a person or team. When and by whom is in the store's metadata. */
export const ResourceEventType = {
  Registered: 'ResourceRegistered',
  Amended: 'ResourceAmended',
  CapacitySet: 'ResourceCapacitySet',
  Lent: 'ResourceLent',
  LoanCancelled: 'ResourceLoanCancelled',
  Assigned: 'ResourceAssigned',
  AssignmentWithdrawn: 'ResourceAssignmentWithdrawn',
} as const;

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface ResourceRegisteredData {
  readonly resourceId: string;
  readonly organisationId: string;
  readonly kind: ResourceKind;
  /** Personal data, one object so it can be encrypted per person; null for a team. */
  readonly person: Person | null;
  readonly teamName: string | null;
  readonly roleId: string;
  readonly homeUnitId: string;
}

/** Only what changed. */
export interface ResourceAmendedData {
  readonly resourceId: string;
  readonly person?: Person;
  readonly teamName?: string;
  readonly roleId?: string;
}

export interface ResourceCapacitySetData {
  readonly resourceId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  /** The share of a position the capacity was stated as (freed time); null when stated in hours. */
  readonly ftePercent: number | null;
}

export interface ResourceLentData {
  readonly resourceId: string;
  readonly loanId: string;
  readonly lenderUnitId: string;
  readonly borrowerUnitId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  readonly ftePercent: number | null;
  readonly note: string | null;
}

export interface ResourceLoanCancelledData {
  readonly resourceId: string;
  readonly loanId: string;
  readonly reason: string | null;
}

export interface ResourceAssignedData {
  readonly resourceId: string;
  readonly assignmentId: string;
  readonly projectId: string;
  readonly from: Month;
  readonly to: Month;
  readonly hoursPerMonth: number;
  readonly ftePercent: number | null;
}

export interface ResourceAssignmentWithdrawnData {
  readonly resourceId: string;
  readonly assignmentId: string;
  readonly projectId: string;
  readonly reason: string | null;
}

export type ResourceRegistered = DomainEvent<typeof ResourceEventType.Registered, ResourceRegisteredData>;
export type ResourceAmended = DomainEvent<typeof ResourceEventType.Amended, ResourceAmendedData>;
export type ResourceCapacitySet = DomainEvent<typeof ResourceEventType.CapacitySet, ResourceCapacitySetData>;
export type ResourceLent = DomainEvent<typeof ResourceEventType.Lent, ResourceLentData>;
export type ResourceLoanCancelled = DomainEvent<typeof ResourceEventType.LoanCancelled, ResourceLoanCancelledData>;
export type ResourceAssigned = DomainEvent<typeof ResourceEventType.Assigned, ResourceAssignedData>;
export type ResourceAssignmentWithdrawn = DomainEvent<typeof ResourceEventType.AssignmentWithdrawn, ResourceAssignmentWithdrawnData>;

export type ResourceEvent =
  | ResourceRegistered
  | ResourceAmended
  | ResourceCapacitySet
  | ResourceLent
  | ResourceLoanCancelled
  | ResourceAssigned
  | ResourceAssignmentWithdrawn;
