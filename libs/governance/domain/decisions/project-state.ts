import type { DecisionKind, TallyOutcome } from '../forums/index.js';
import type { IsoDate } from '../forums/calendar-date.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { ProjectPosition, ProjectStage } from './project-lifecycle.js';

/** One decision in the project's history, reached or not. */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly kind: DecisionKind;
  readonly outcome: TallyOutcome;
  readonly forumId: string;
  readonly meetingId: string;
  readonly heldOn: IsoDate;
  readonly agendaRevision: number;
  /** Where the project was, and where it went (the same when it did not move). */
  readonly from: ProjectPosition;
  readonly to: ProjectPosition;
}

export interface NoProject {
  readonly status: 'none';
}

/** `status` is where the project is: a stage or a side status. */
export interface ExistingProject {
  readonly status: ProjectPosition;
  /** The last stage reached: where a deferred project resumes, where an ended one stopped. */
  readonly stage: ProjectStage;
  readonly proposalId: string;
  readonly organisationId: string;
  readonly title: string;
  /** Oldest first. */
  readonly decisions: readonly DecisionRecord[];
  /** The sum of the approved amounts; null while nothing is committed. */
  readonly committed: Money | null;
  /** The pools the approvals draw on, in order. */
  readonly fundingApprovals: readonly { readonly decisionId: string; readonly poolId: string; readonly amount: Money }[];
  /** Set while deferred. */
  readonly deferredToMeetingId: string | null;
  /** The changes last asked for; null until a forum asks. */
  readonly requestedChanges: string | null;
  readonly priorityNote: string | null;
  /** The last escalation: to which forum, why. */
  readonly escalation: { readonly decisionId: string; readonly toForumId: string; readonly reason: string } | null;
  /** Why the project was withdrawn or cancelled. */
  readonly endReason: string | null;
}

export type ProjectState = NoProject | ExistingProject;

export function initialProjectState(): ProjectState {
  return { status: 'none' };
}
