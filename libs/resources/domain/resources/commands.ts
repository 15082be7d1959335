import type { Person } from '../../../proposals/domain/proposal-form.js';
import type { EffortInput } from '../effort.js';
import type { Month } from '../months.js';
import type { ResourceKind } from './resource.js';

export const ResourceCommandType = {
  Register: 'RegisterResource',
  Amend: 'AmendResource',
  SetCapacity: 'SetResourceCapacity',
  Lend: 'LendResource',
  CancelLoan: 'CancelLoan',
  Assign: 'AssignResource',
  WithdrawAssignment: 'WithdrawAssignment',
} as const;

/** A person (whose name and email are personal data, kept together in `person`) or a team, in one role. */
export interface RegisterResource {
  readonly type: typeof ResourceCommandType.Register;
  readonly data: {
    readonly resourceId: string;
    readonly organisationId: string;
    readonly kind: ResourceKind;
    readonly person?: Person | null;
    readonly teamName?: string | null;
    readonly roleId: string;
    /** The department or member organisation that employs it and lends it out. */
    readonly homeUnitId: string;
  };
}

/** Corrects a person's details or a team's name, or moves the resource to another role; absent fields stay. */
export interface AmendResource {
  readonly type: typeof ResourceCommandType.Amend;
  readonly data: { readonly resourceId: string; readonly person?: Person; readonly teamName?: string; readonly roleId?: string };
}

/** Sets the capacity of every month in the range (replacing what was set before for those months). */
export interface SetResourceCapacity {
  readonly type: typeof ResourceCommandType.SetCapacity;
  readonly data: { readonly resourceId: string; readonly from: Month; readonly to: Month } & EffortInput;
}

/** Lends part of the capacity to another department or member for a range of months. */
export interface LendResource {
  readonly type: typeof ResourceCommandType.Lend;
  readonly data: {
    readonly resourceId: string;
    readonly loanId: string;
    readonly borrowerUnitId: string;
    readonly from: Month;
    readonly to: Month;
    readonly note?: string | null;
  } & EffortInput;
}

export interface CancelLoan {
  readonly type: typeof ResourceCommandType.CancelLoan;
  readonly data: { readonly resourceId: string; readonly loanId: string; readonly reason?: string | null };
}

/** Puts the resource on a project for a range of months. More than its capacity is allowed, and flagged. */
export interface AssignResource {
  readonly type: typeof ResourceCommandType.Assign;
  readonly data: {
    readonly resourceId: string;
    readonly assignmentId: string;
    readonly projectId: string;
    readonly from: Month;
    readonly to: Month;
  } & EffortInput;
}

export interface WithdrawAssignment {
  readonly type: typeof ResourceCommandType.WithdrawAssignment;
  readonly data: { readonly resourceId: string; readonly assignmentId: string; readonly reason?: string | null };
}

export type ResourceCommand = RegisterResource | AmendResource | SetResourceCapacity | LendResource | CancelLoan | AssignResource | WithdrawAssignment;
