import type { StreamEvent } from '../../event-store/index.js';
import {
  ProposalEventType,
  type ExistingProposal,
  type ProjectClassification,
  type ProposalEvent,
  type ProposalForm,
  type ProposalStatus,
} from '../domain/index.js';
import { proposalDecider } from './proposal-decider.js';

/** A proposal as the API shows it: its current state plus when things happened, folded from its stream. */
export interface ProposalView {
  readonly id: string;
  readonly organisationId: string;
  readonly status: ProposalStatus;
  readonly version: number;
  readonly form: ProposalForm;
  readonly classification: ProjectClassification;
  readonly withdrawalReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly withdrawnAt: string | null;
}

/** Null when the stream holds no proposal (not drafted yet, or not as of that version). */
export function foldProposalView(events: readonly StreamEvent[]): ProposalView | null {
  let state = proposalDecider.initialState();
  let createdAt: Date | null = null;
  let updatedAt: Date | null = null;
  let submittedAt: Date | null = null;
  let withdrawnAt: Date | null = null;
  for (const e of events) {
    state = proposalDecider.evolve(state, { type: e.type, data: e.data } as ProposalEvent);
    createdAt ??= e.recordedAt;
    updatedAt = e.recordedAt;
    if (e.type === ProposalEventType.Submitted) submittedAt = e.recordedAt;
    if (e.type === ProposalEventType.Withdrawn) withdrawnAt = e.recordedAt;
  }
  if (state.status === 'none') return null;
  const p = state as ExistingProposal;
  return {
    id: p.proposalId,
    organisationId: p.organisationId,
    status: p.status,
    version: events[events.length - 1].streamPosition,
    form: p.form,
    classification: p.classification,
    withdrawalReason: p.withdrawalReason,
    createdAt: createdAt!.toISOString(),
    updatedAt: updatedAt!.toISOString(),
    submittedAt: submittedAt?.toISOString() ?? null,
    withdrawnAt: withdrawnAt?.toISOString() ?? null,
  };
}
