import { diffProposalForms, emptyProposalForm, type FieldChange } from '../../proposals/domain/index.js';
import type { ProposalView } from '../../proposals/application/proposal-view.js';
import type { LogPoint } from './log-point.resolver.js';

/** One side of a diff: the point asked for and the proposal's version there (null: it did not exist yet). */
export interface ProposalDiffSide {
  readonly asOf: string;
  readonly position: string;
  readonly version: number | null;
  readonly status: string | null;
}

export interface ProposalDiff {
  readonly proposalId: string;
  readonly from: ProposalDiffSide;
  readonly to: ProposalDiffSide;
  /** Status, withdrawal reason, then the form's answers (dot paths), each with its value at `from` and at `to`. */
  readonly changes: readonly FieldChange[];
}

const side = (asOf: string, point: LogPoint, view: ProposalView | null): ProposalDiffSide => ({
  asOf,
  position: point.text,
  version: view?.version ?? null,
  status: view?.status ?? null,
});

/**
 * What changed in a proposal between two points of the log. A proposal that did not exist yet at `from` is compared
 * with an empty form, so every answer it had at `to` shows as given (the history tells drafts the same way).
 */
export function diffProposal(
  proposalId: string,
  from: { asOf: string; point: LogPoint; view: ProposalView | null },
  to: { asOf: string; point: LogPoint; view: ProposalView },
): ProposalDiff {
  const changes: FieldChange[] = [];
  const before = from.view;
  if (before?.status !== to.view.status) changes.push({ field: 'status', from: before?.status ?? null, to: to.view.status });
  if ((before?.withdrawalReason ?? null) !== to.view.withdrawalReason) {
    changes.push({ field: 'withdrawalReason', from: before?.withdrawalReason ?? null, to: to.view.withdrawalReason });
  }
  const formChanges = diffProposalForms(before?.form ?? emptyProposalForm('', ''), to.view.form).changes;
  changes.push(...(before ? formChanges : formChanges.map((change) => ({ ...change, from: null }))));
  return { proposalId, from: side(from.asOf, from.point, before), to: side(to.asOf, to.point, to.view), changes };
}
