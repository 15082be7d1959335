import type { NewEvent } from '../../../event-store/port/index.js';
import type { CastVote, DecisionKind, DecisionRule, EligibleMember, Mandate, MandatedMatter, TallyOutcome, VoteTally } from '../forums/index.js';
import type { IsoDate } from '../forums/calendar-date.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { AgendaProposalSummary, PoolBalanceSeen } from './decision-basis.js';
import type { GateRule } from './gate-rules.js';
import type { GateTransition, ProjectPosition } from './project-lifecycle.js';

/** Facts about a portfolio project. When and by whom is the event store's metadata. */
export const ProjectEventType = {
  EnteredPortfolio: 'ProjectEnteredPortfolio',
  DecisionTaken: 'DecisionTaken',
  DecisionNotReached: 'DecisionNotReached',
  StageChanged: 'ProjectStageChanged',
  Withdrawn: 'ProjectWithdrawn',
  Cancelled: 'ProjectCancelled',
} as const;
export type ProjectEventTypeName = (typeof ProjectEventType)[keyof typeof ProjectEventType];

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface ProjectEnteredPortfolioData {
  readonly proposalId: string;
  readonly organisationId: string;
  readonly title: string;
  /** Always `idea`: recorded so the event reads on its own. */
  readonly stage: 'idea';
}

/**
 * Everything the decision was taken on, copied: the forum's mandate, rule and voting members on the day, the meeting,
 * the frozen agenda revision with its hash and what it showed, the votes and their tally, the mandate check and the
 * gate rules in force on the meeting day.
 */
export interface DecisionBasis {
  readonly forum: {
    readonly forumId: string;
    readonly parentForumId: string | null;
    readonly mandate: Mandate;
    readonly decisionRule: DecisionRule;
    readonly votingMembers: readonly EligibleMember[];
  };
  readonly meeting: { readonly meetingId: string; readonly heldOn: IsoDate };
  readonly agenda: {
    readonly meetingId: string;
    readonly revision: number;
    readonly contentHash: string;
    readonly proposal: AgendaProposalSummary;
    readonly fundingPool: PoolBalanceSeen | null;
  };
  readonly votes: readonly CastVote[];
  readonly tally: VoteTally;
  /** The matter as checked against the mandate; a decision outside it is never recorded. */
  readonly mandateCheck: { readonly allowed: true; readonly matter: MandatedMatter };
  /** The rule set in force on the meeting day, and the gate the decision passed (null when it moves through none). */
  readonly gateRules: {
    readonly version: number;
    readonly effectiveFrom: IsoDate;
    readonly transition: GateTransition | null;
    readonly rule: GateRule | null;
  };
}

/** What the decision says beyond its kind; each field is null unless its kind uses it. */
export interface DecisionTerms {
  /** The funding approval: the amount committed and the pool it comes from. */
  readonly amount: Money | null;
  readonly poolId: string | null;
  readonly deferredToMeetingId: string | null;
  readonly requestedChanges: string | null;
  readonly priorityNote: string | null;
  /** The parent forum (escalationTarget); the reason is the rationale. */
  readonly escalatedToForumId: string | null;
}

/** A carried decision: its kind, rationale, terms and basis, and where it moved the project (`from` = `to`: no move). */
export interface DecisionTakenData extends DecisionTerms {
  readonly proposalId: string;
  readonly decisionId: string;
  readonly kind: DecisionKind;
  readonly rationale: string;
  readonly from: ProjectPosition;
  readonly to: ProjectPosition;
  readonly basis: DecisionBasis;
}

/**
 * The forum voted and no decision came of it (not carried, no quorum, or blocked by an objection under consensus).
 * Recorded with the same basis as a decision, so the minutes show it; the project does not move.
 */
export interface DecisionNotReachedData extends DecisionTerms {
  readonly proposalId: string;
  readonly decisionId: string;
  readonly kind: DecisionKind;
  readonly rationale: string;
  readonly outcome: Exclude<TallyOutcome, 'carried'>;
  /** Where the project stays, and where the decision would have moved it. */
  readonly position: ProjectPosition;
  readonly proposedTo: ProjectPosition;
  readonly basis: DecisionBasis;
}

/** The project moved; `decisionId` names the decision, or is null for a withdrawal or cancellation. */
export interface ProjectStageChangedData {
  readonly proposalId: string;
  readonly from: ProjectPosition;
  readonly to: ProjectPosition;
  readonly decisionId: string | null;
}

export interface ProjectWithdrawnData {
  readonly proposalId: string;
  readonly reason: string;
}

export interface ProjectCancelledData {
  readonly proposalId: string;
  readonly reason: string;
}

export type ProjectEnteredPortfolio = DomainEvent<typeof ProjectEventType.EnteredPortfolio, ProjectEnteredPortfolioData>;
export type DecisionTaken = DomainEvent<typeof ProjectEventType.DecisionTaken, DecisionTakenData>;
export type DecisionNotReached = DomainEvent<typeof ProjectEventType.DecisionNotReached, DecisionNotReachedData>;
export type ProjectStageChanged = DomainEvent<typeof ProjectEventType.StageChanged, ProjectStageChangedData>;
export type ProjectWithdrawn = DomainEvent<typeof ProjectEventType.Withdrawn, ProjectWithdrawnData>;
export type ProjectCancelled = DomainEvent<typeof ProjectEventType.Cancelled, ProjectCancelledData>;

export type ProjectEvent =
  | ProjectEnteredPortfolio
  | DecisionTaken
  | DecisionNotReached
  | ProjectStageChanged
  | ProjectWithdrawn
  | ProjectCancelled;
