import type { DraftProposalForm, ProposalFormPatch } from './proposal-form-merge.js';

/** What someone asks of a proposal. Who asks, and with what right, is the application layer's concern. */
export const ProposalCommandType = {
  Draft: 'DraftProposal',
  Amend: 'AmendProposal',
  Submit: 'SubmitProposal',
  Withdraw: 'WithdrawProposal',
} as const;

export interface DraftProposal {
  readonly type: typeof ProposalCommandType.Draft;
  readonly data: {
    /** Chosen by the caller, so a retried request drafts the same proposal. */
    readonly proposalId: string;
    readonly organisationId: string;
    readonly form: DraftProposalForm;
  };
}

export interface AmendProposal {
  readonly type: typeof ProposalCommandType.Amend;
  readonly data: {
    readonly proposalId: string;
    /** Merge semantics: see ProposalFormPatch. */
    readonly amendment: ProposalFormPatch;
  };
}

export interface SubmitProposal {
  readonly type: typeof ProposalCommandType.Submit;
  readonly data: { readonly proposalId: string };
}

export interface WithdrawProposal {
  readonly type: typeof ProposalCommandType.Withdraw;
  readonly data: {
    readonly proposalId: string;
    /** Required: a withdrawal must be explainable to the forum and to auditors. */
    readonly reason: string;
  };
}

export type ProposalCommand = DraftProposal | AmendProposal | SubmitProposal | WithdrawProposal;
