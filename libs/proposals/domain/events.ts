import type { NewEvent } from '../../event-store/port/index.js';
import type { ProjectClassification } from './project-criteria.js';
import type { ProposalForm } from './proposal-form.js';
import type { FieldChange } from './proposal-form-diff.js';
import type { ProposalFormPatch } from './proposal-form-merge.js';

/**
 * Facts about a proposal. Times are not in the data: the event store's `recordedAt` is when it happened,
 * and the application layer adds the metadata (who, why, correlation).
 */
export const ProposalEventType = {
  Drafted: 'ProposalDrafted',
  Amended: 'ProposalAmended',
  Submitted: 'ProposalSubmitted',
  Withdrawn: 'ProposalWithdrawn',
} as const;
export type ProposalEventTypeName = (typeof ProposalEventType)[keyof typeof ProposalEventType];

/** An event as decided by the domain: a NewEvent without metadata. */
export type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface ProposalDraftedData {
  readonly proposalId: string;
  readonly organisationId: string;
  /** The complete form: answers not given are `null` (or false, or empty lists). */
  readonly form: ProposalForm;
  readonly classification: ProjectClassification;
}

/**
 * Only what changed. `amendment` holds the changed answers with the merge semantics of ProposalFormPatch
 * (sections merged field by field, everything else replaced whole, `null` clears), so replaying it onto
 * the previous form gives the amended form. `changes` lists the same answers with their old values, for auditors.
 */
export interface ProposalAmendedData {
  readonly proposalId: string;
  readonly amendment: ProposalFormPatch;
  readonly changes: readonly FieldChange[];
  /** The classification of the amended form. */
  readonly classification: ProjectClassification;
}

export interface ProposalSubmittedData {
  readonly proposalId: string;
}

export interface ProposalWithdrawnData {
  readonly proposalId: string;
  readonly reason: string;
}

export type ProposalDrafted = DomainEvent<typeof ProposalEventType.Drafted, ProposalDraftedData>;
export type ProposalAmended = DomainEvent<typeof ProposalEventType.Amended, ProposalAmendedData>;
export type ProposalSubmitted = DomainEvent<typeof ProposalEventType.Submitted, ProposalSubmittedData>;
export type ProposalWithdrawn = DomainEvent<typeof ProposalEventType.Withdrawn, ProposalWithdrawnData>;

export type ProposalEvent = ProposalDrafted | ProposalAmended | ProposalSubmitted | ProposalWithdrawn;
