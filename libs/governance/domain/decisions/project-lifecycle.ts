/**
 * A portfolio project's lifecycle (DOMAIN.md, "Lifecycle"): the stages a project moves through, forward only,
 * and the side statuses that end it or put it on hold. Every move is a decision of a forum, or an act
 * (withdrawal, cancellation) by someone with the right to make it.
 *
 *   idea -> analysis -> execution -> realisation -> closed
 *
 * - `idea`: a submitted proposal enters the portfolio here.
 * - `analysis`: approved for analysis (business case, scoring, ranking).
 * - `execution`: the funding approval: money is committed from a pool.
 * - `realisation`: delivered; benefits are being realised.
 * - `closed`: done.
 * - `rejected` (from idea or analysis), `withdrawn` (by the proposer, before funding), `cancelled` (stopped before
 *   realisation) end the project. `deferred` puts it on hold; it keeps the stage it was deferred at and resumes there
 *   when a forum takes it up again.
 */
import type { DecisionKind } from '../forums/index.js';

export const PROJECT_STAGES = ['idea', 'analysis', 'execution', 'realisation', 'closed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const SIDE_STATUSES = ['rejected', 'deferred', 'withdrawn', 'cancelled'] as const;
export type SideStatus = (typeof SIDE_STATUSES)[number];

/** Where a project is: a stage, or a side status. */
export type ProjectPosition = ProjectStage | SideStatus;
export const PROJECT_POSITIONS: readonly ProjectPosition[] = [...PROJECT_STAGES, ...SIDE_STATUSES];

/** Positions nothing leaves: no decision, withdrawal or cancellation applies to them. */
export const ENDED_POSITIONS: readonly ProjectPosition[] = ['closed', 'rejected', 'withdrawn', 'cancelled'];

/** The stages a forum approves a project out of, with the stage each approval leads to. */
export const STAGE_AFTER: Readonly<Record<Exclude<ProjectStage, 'closed'>, ProjectStage>> = {
  idea: 'analysis',
  analysis: 'execution',
  execution: 'realisation',
  realisation: 'closed',
};

/** The moves gate rules apply to, named from -> to. */
export const GATE_TRANSITIONS = ['idea->analysis', 'analysis->execution', 'execution->realisation', 'realisation->closed'] as const;
export type GateTransition = (typeof GATE_TRANSITIONS)[number];

/** The funding approval: the only move that commits money from a pool. */
export const FUNDING_TRANSITION: GateTransition = 'analysis->execution';

/** Something done to a project: a decision kind, or an act outside a forum. */
export type LifecycleAction = DecisionKind | 'withdraw' | 'cancel';

/** What an action leads to: the position after it, or why it cannot be taken. */
export type LifecycleMove = { readonly allowed: true; readonly to: ProjectPosition } | { readonly allowed: false; readonly to: ProjectPosition | null };

/**
 * The position an action leads to from `position` (where a deferred project counts as its `stage`).
 *
 * - approve: to the next stage.
 * - reject: to rejected, from idea or analysis only; a project that is funded is cancelled or closed, not rejected.
 * - defer: to deferred, from any stage before closed; a deferred project may be deferred again (to another meeting).
 * - request_changes, escalate, reprioritise: no move; a deferred project is taken up again and returns to its stage.
 * - close: to closed from realisation; before realisation closing a project is cancelling it, so to cancelled.
 * - withdraw: to withdrawn, from idea or analysis (the proposer takes it back before money is committed).
 * - cancel: to cancelled, from idea, analysis or execution (a delivered project is closed instead).
 *
 * A deferred project resumes at its stage: any action but another deferral is judged as from that stage.
 */
export function lifecycleMove(position: ProjectPosition, stage: ProjectStage, action: LifecycleAction): LifecycleMove {
  if (ENDED_POSITIONS.includes(position)) return { allowed: false, to: attemptedTarget(stage, action, position) };
  const from: ProjectStage = position === 'deferred' ? stage : (position as ProjectStage);
  switch (action) {
    case 'approve':
      return from === 'closed' ? { allowed: false, to: null } : { allowed: true, to: STAGE_AFTER[from] };
    case 'reject':
      return { allowed: from === 'idea' || from === 'analysis', to: 'rejected' };
    case 'defer':
      return { allowed: true, to: 'deferred' };
    case 'request_changes':
    case 'escalate':
    case 'reprioritise':
      return { allowed: true, to: from };
    case 'close':
      return { allowed: true, to: from === 'realisation' ? 'closed' : 'cancelled' };
    case 'withdraw':
      return { allowed: from === 'idea' || from === 'analysis', to: 'withdrawn' };
    case 'cancel':
      return { allowed: from === 'idea' || from === 'analysis' || from === 'execution', to: 'cancelled' };
  }
}

/** The gate a move passes, if it moves a project from one stage to the next. */
export function gateOf(from: ProjectStage, to: ProjectPosition): GateTransition | null {
  const transition = `${from}->${to}`;
  return (GATE_TRANSITIONS as readonly string[]).includes(transition) ? (transition as GateTransition) : null;
}

export function isEnded(position: ProjectPosition): boolean {
  return ENDED_POSITIONS.includes(position);
}

/** For the error of an ended project: what the action would have led to, so the message names it. */
function attemptedTarget(stage: ProjectStage, action: LifecycleAction, position: ProjectPosition): ProjectPosition | null {
  switch (action) {
    case 'approve':
      return stage === 'closed' ? null : STAGE_AFTER[stage];
    case 'reject':
      return 'rejected';
    case 'defer':
      return 'deferred';
    case 'request_changes':
    case 'escalate':
    case 'reprioritise':
      return position;
    case 'close':
      return stage === 'realisation' || stage === 'closed' ? 'closed' : 'cancelled';
    case 'withdraw':
      return 'withdrawn';
    case 'cancel':
      return 'cancelled';
  }
}
