import type { CastVote, DecisionKind } from '../forums/index.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { DecidingForum, DecisionAgenda, DecisionMeeting } from './decision-basis.js';
import type { GateRuleSet } from './gate-rules.js';

/** What is asked of a project's lifecycle (one stream per proposal, `project-{proposalId}`). */
export const ProjectCommandType = {
  EnterPortfolio: 'EnterPortfolio',
  TakeDecision: 'TakeDecision',
  Withdraw: 'WithdrawFromPortfolio',
  Cancel: 'CancelProject',
} as const;

/** A submitted proposal enters the portfolio at the idea stage. */
export interface EnterPortfolio {
  readonly type: typeof ProjectCommandType.EnterPortfolio;
  readonly data: { readonly proposalId: string; readonly organisationId: string; readonly title: string };
}

/**
 * A forum's decision on the project at a meeting, with everything it was taken on. Kind-specific fields are
 * required by their kind and refused with any other kind:
 * - `amount` and `poolId`: the funding approval (approve from analysis to execution) only;
 * - `deferredToMeetingId`: defer; `requestedChanges`: request_changes; `priorityNote`: reprioritise.
 */
export interface TakeDecision {
  readonly type: typeof ProjectCommandType.TakeDecision;
  readonly data: {
    readonly proposalId: string;
    /** Chosen by the caller, unique within the project: a retried request takes no second decision. */
    readonly decisionId: string;
    readonly kind: DecisionKind;
    /** Required: why the forum decided so (for an escalation, why the matter goes to the parent forum). */
    readonly rationale: string;
    readonly forum: DecidingForum;
    readonly meeting: DecisionMeeting;
    readonly agenda: DecisionAgenda;
    /** One per member who took part (abstentions and objections included). */
    readonly votes: readonly CastVote[];
    readonly amount?: Money;
    readonly poolId?: string;
    readonly deferredToMeetingId?: string;
    readonly requestedChanges?: string;
    readonly priorityNote?: string;
    /** Every rule set configured; the one in force on `meeting.heldOn` judges the decision. */
    readonly gateRuleSets: readonly GateRuleSet[];
  };
}

/** The proposer takes the proposal back (idea or analysis). */
export interface WithdrawFromPortfolio {
  readonly type: typeof ProjectCommandType.Withdraw;
  readonly data: { readonly proposalId: string; readonly reason: string };
}

/** The project is stopped before realisation. */
export interface CancelProject {
  readonly type: typeof ProjectCommandType.Cancel;
  readonly data: { readonly proposalId: string; readonly reason: string };
}

export type ProjectCommand = EnterPortfolio | TakeDecision | WithdrawFromPortfolio | CancelProject;
