import { DomainError } from '../../../shared-kernel/domain-error.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { GateFailure } from './gate-rules.js';
import type { GateTransition, LifecycleAction, ProjectPosition } from './project-lifecycle.js';

export { DomainError };

export class ProjectNotFound extends DomainError {
  override readonly code = 'project_not_found';

  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} is not in the portfolio`);
    this.name = 'ProjectNotFound';
  }
}

export class ProjectAlreadyInPortfolio extends DomainError {
  override readonly code = 'project_already_in_portfolio';

  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} is already in the portfolio`);
    this.name = 'ProjectAlreadyInPortfolio';
  }
}

/** The action cannot be taken where the project is; `to` is where it would have led (null: nowhere, e.g. approving a closed project). */
export class InvalidStageTransition extends DomainError {
  override readonly code = 'invalid_stage_transition';

  constructor(
    readonly from: ProjectPosition,
    readonly to: ProjectPosition | null,
    readonly action: LifecycleAction,
  ) {
    super(`a project in ${from} cannot ${action.replace('_', ' ')}${to === null ? '' : ` (from ${from} to ${to})`}`);
    this.name = 'InvalidStageTransition';
  }
}

/** A field of a command (a decision, an entry, a withdrawal, a cancellation) is missing or invalid; `field` is a dot path into its data. */
export class InvalidProjectCommand extends DomainError {
  override readonly code = 'invalid_project_command';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidProjectCommand';
  }
}

/** The decision id was used before in this project: each decision is recorded once. */
export class DecisionAlreadyRecorded extends DomainError {
  override readonly code = 'decision_already_recorded';

  constructor(readonly decisionId: string) {
    super(`decision ${decisionId} is already recorded`);
    this.name = 'DecisionAlreadyRecorded';
  }
}

/** A forum decides on what is on its frozen agenda: the proposal is not an item of the revision named. */
export class DecisionNotOnAgenda extends DomainError {
  override readonly code = 'decision_not_on_agenda';

  constructor(
    readonly proposalId: string,
    readonly meetingId: string,
    readonly revision: number,
  ) {
    super(`proposal ${proposalId} is not on the agenda of meeting ${meetingId} (revision ${revision})`);
    this.name = 'DecisionNotOnAgenda';
  }
}

/** The agenda revision named is not frozen, or was superseded by a reopen: it is not what the forum decides on. */
export class DecisionAgendaNotFrozen extends DomainError {
  override readonly code = 'decision_agenda_not_frozen';

  constructor(
    readonly meetingId: string,
    readonly revision: number,
  ) {
    super(`revision ${revision} of the agenda of meeting ${meetingId} is not a standing frozen agenda`);
    this.name = 'DecisionAgendaNotFrozen';
  }
}

/** The agenda belongs to another meeting than the one the decision is taken at. */
export class AgendaMeetingMismatch extends DomainError {
  override readonly code = 'agenda_meeting_mismatch';

  constructor(
    readonly meetingId: string,
    readonly agendaMeetingId: string,
  ) {
    super(`the decision is taken at meeting ${meetingId} but the agenda is that of meeting ${agendaMeetingId}`);
    this.name = 'AgendaMeetingMismatch';
  }
}

/** The project does not pass the gate under the rule set in force on the meeting day. */
export class GateNotPassed extends DomainError {
  override readonly code = 'gate_not_passed';

  constructor(
    readonly transition: GateTransition,
    readonly ruleSetVersion: number,
    readonly effectiveFrom: string,
    readonly reasons: readonly GateFailure[],
  ) {
    super(
      `gate ${transition} not passed under gate rules version ${ruleSetVersion} (in force from ${effectiveFrom}): ` +
        reasons.map(describeGateFailure).join('; '),
    );
    this.name = 'GateNotPassed';
  }
}

/** The approval commits more than the pool had available as the agenda pack showed it. */
export class InsufficientPoolBalance extends DomainError {
  override readonly code = 'insufficient_pool_balance';

  constructor(
    readonly poolId: string,
    readonly amount: Money,
    readonly available: Money,
  ) {
    super(`pool ${poolId} had ${formatMoney(available)} available; the approval commits ${formatMoney(amount)}`);
    this.name = 'InsufficientPoolBalance';
  }
}

export class NoGateRuleSetInForce extends DomainError {
  override readonly code = 'no_gate_rule_set_in_force';

  constructor(readonly onDate: string) {
    super(`no gate rule set is in force on ${onDate}`);
    this.name = 'NoGateRuleSetInForce';
  }
}

export class InvalidGateRuleSet extends DomainError {
  override readonly code = 'invalid_gate_rule_set';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidGateRuleSet';
  }
}

/** A gate rule set offered for adoption is malformed; `field` is a dot path into the request (e.g. `gates.idea->analysis`). */
export class InvalidGateRuleAdoption extends DomainError {
  override readonly code = 'invalid_gate_rule_adoption';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidGateRuleAdoption';
  }
}

/**
 * A rule set may not take effect before today, nor before the set adopted last: either would change the rules of a
 * day already begun or already configured, so decisions could be judged by rules that were not in force when taken.
 */
export class GateRuleSetBackdated extends DomainError {
  override readonly code = 'gate_rule_set_backdated';

  constructor(
    readonly effectiveFrom: string,
    /** The earliest day the set may take effect. */
    readonly earliest: string,
    readonly because: 'before_today' | 'before_latest_set',
  ) {
    super(
      `a gate rule set cannot take effect on ${effectiveFrom}: ` +
        (because === 'before_today' ? `that is before today (${earliest})` : `the latest adopted set takes effect on ${earliest}`) +
        '; rules are never changed retroactively',
    );
    this.name = 'GateRuleSetBackdated';
  }
}

/** The stored history cannot be replayed (e.g. a decision before the project entered the portfolio): a defect, not a user error. */
export class InconsistentProjectHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`event ${eventType} cannot apply: ${reason}`);
    this.name = 'InconsistentProjectHistory';
  }
}

export function describeGateFailure(failure: GateFailure): string {
  switch (failure.code) {
    case 'not_scored':
      return 'the proposal has no weighted score';
    case 'score_below_minimum':
      return `weighted score ${failure.weightedScore} is below the minimum of ${failure.minimum}`;
    case 'business_case_missing':
      return `${formatMoney(failure.amount)} is above ${formatMoney(failure.maximumWithoutBusinessCase)} and there is no business case`;
    case 'amount_in_other_currency':
      return `${formatMoney(failure.amount)} cannot be compared with ${formatMoney(failure.maximumWithoutBusinessCase)} and there is no business case`;
    case 'benefit_owner_missing':
      return 'no benefit owner is named';
  }
}

/** DKK 500000.00, with integer arithmetic (every supported currency has 100 minor units). */
export function formatMoney(money: Money): string {
  if (!Number.isSafeInteger(money.amountMinor)) return `${money.currency} ${money.amountMinor} minor units`;
  const minor = BigInt(money.amountMinor);
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${money.currency} ${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
