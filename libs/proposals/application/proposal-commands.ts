import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { DraftProposalForm, ProposalFormPatch } from '../domain/index.js';
import type { ProposalView } from './proposal-view.js';

/** What every proposal command answers: the proposal after it, and where its events sit in the log. */
export interface ProposalCommandResult {
  readonly proposal: ProposalView;
  /** Null when nothing was written (an amendment that changed nothing). */
  readonly position: LogPosition | null;
}

export class DraftProposalCommand extends Command<ProposalCommandResult> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
    readonly form: DraftProposalForm,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AmendProposalCommand extends Command<ProposalCommandResult> {
  constructor(
    readonly proposalId: string,
    /** The acting organisation: a proposal of another one is not found. */
    readonly organisationId: string,
    readonly amendment: ProposalFormPatch,
    /** Undefined for `If-Match: *`: the version read just before the write still guards it. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class SubmitProposalCommand extends Command<ProposalCommandResult> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class WithdrawProposalCommand extends Command<ProposalCommandResult> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
    readonly reason: string,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
