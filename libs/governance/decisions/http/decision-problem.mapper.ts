import { ProblemException, type ProblemMapper } from '../../../platform/index.js';
import {
  AgendaMeetingMismatch,
  DecisionAgendaNotFrozen,
  DecisionAlreadyRecorded,
  DecisionNotOnAgenda,
  describeGateFailure,
  DomainError,
  GateNotPassed,
  InsufficientPoolBalance,
  InvalidGateRuleSet,
  InvalidProjectCommand,
  InvalidStageTransition,
  NoGateRuleSetInForce,
  ProjectAlreadyInPortfolio,
  ProjectNotFound,
} from '../../domain/decisions/index.js';
import { DecisionNotFound, MeetingNotOpenForDecisions } from '../application/decision-application.errors.js';

const problem = (error: Error, status: number, title: string, extensions: Record<string, unknown> = {}, errors?: { field: string; reason: string }[]) =>
  new ProblemException(
    { status, title, detail: error.message, errors, extensions: { ...(error instanceof DomainError ? { code: error.code } : {}), ...extensions } },
    { cause: error },
  );

/**
 * The decisions domain's errors as problems: unknown 404; a state that does not allow it 409 (the stage, a decision
 * already recorded, the pool as the forum saw it); a decision the rules refuse 422 with the reasons.
 */
export const decisionProblemMapper: ProblemMapper = (error) => {
  if (error instanceof ProjectNotFound) return problem(error, 404, 'Project not found', { proposalId: error.proposalId });
  if (error instanceof DecisionNotFound) return problem(error, 404, 'Decision not found', { proposalId: error.proposalId, decisionId: error.decisionId });
  if (error instanceof ProjectAlreadyInPortfolio) return problem(error, 409, 'Already in the portfolio', { proposalId: error.proposalId });
  if (error instanceof InvalidStageTransition) {
    return problem(error, 409, 'Not possible at this stage', { currentStatus: error.from, to: error.to, action: error.action });
  }
  if (error instanceof DecisionAlreadyRecorded) return problem(error, 409, 'Decision already recorded', { decisionId: error.decisionId });
  if (error instanceof MeetingNotOpenForDecisions) return problem(error, 409, 'Meeting takes no decisions', { meetingId: error.meetingId, status: error.status });
  if (error instanceof InsufficientPoolBalance) {
    return problem(error, 409, 'Insufficient pool balance', { poolId: error.poolId, requested: error.amount, available: error.available }, [
      { field: 'amount.amountMinor', reason: `must be at most ${error.available.amountMinor}, what the pool had available` },
    ]);
  }
  if (error instanceof InvalidProjectCommand) return problem(error, 422, 'Invalid decision', {}, [{ field: error.field, reason: error.reason }]);
  if (error instanceof DecisionNotOnAgenda) {
    return problem(error, 422, 'Not on the agenda', { meetingId: error.meetingId, revision: error.revision }, [
      { field: 'proposalId', reason: `is not an item of revision ${error.revision} of the agenda` },
    ]);
  }
  if (error instanceof DecisionAgendaNotFrozen) {
    return problem(error, 422, 'Agenda revision not standing', { meetingId: error.meetingId, revision: error.revision }, [
      { field: 'agendaRevision', reason: 'must name the standing frozen revision of the meeting\'s agenda' },
    ]);
  }
  if (error instanceof AgendaMeetingMismatch) {
    return problem(error, 422, 'Agenda of another meeting', { meetingId: error.meetingId, agendaMeetingId: error.agendaMeetingId });
  }
  if (error instanceof GateNotPassed) {
    return problem(error, 422, 'Gate not passed', {
      transition: error.transition,
      ruleSetVersion: error.ruleSetVersion,
      effectiveFrom: error.effectiveFrom,
      reasons: error.reasons.map((reason) => ({ ...reason, description: describeGateFailure(reason) })),
    });
  }
  if (error instanceof NoGateRuleSetInForce) return problem(error, 422, 'No gate rules in force', { onDate: error.onDate });
  if (error instanceof InvalidGateRuleSet) return problem(error, 500, 'Gate rules misconfigured', { field: error.field });
  return undefined;
};
