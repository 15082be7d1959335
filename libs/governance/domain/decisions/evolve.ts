import { InconsistentProjectHistory } from './errors.js';
import { ProjectEventType, type DecisionBasis, type ProjectEvent } from './events.js';
import { PROJECT_STAGES, type ProjectPosition, type ProjectStage } from './project-lifecycle.js';
import type { DecisionRecord, ExistingProject, ProjectState } from './project-state.js';

/** Folds one recorded fact into the state. Events are facts: nothing is re-judged here, the recorded basis stands. */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case ProjectEventType.EnteredPortfolio: {
      if (state.status !== 'none') throw new InconsistentProjectHistory(event.type, `the project is already in the portfolio (${state.status})`);
      const { proposalId, organisationId, title } = event.data;
      return {
        status: 'idea',
        stage: 'idea',
        proposalId,
        organisationId,
        title,
        decisions: [],
        committed: null,
        fundingApprovals: [],
        deferredToMeetingId: null,
        requestedChanges: null,
        priorityNote: null,
        escalation: null,
        endReason: null,
      };
    }
    case ProjectEventType.DecisionTaken: {
      const project = existing(state, event);
      const { data } = event;
      const record = decisionRecord(data.decisionId, data.kind, 'carried', data.basis, data.from, data.to);
      let next: ExistingProject = { ...project, decisions: [...project.decisions, record] };
      if (data.amount !== null && data.poolId !== null) {
        const committed = project.committed === null ? data.amount : { ...project.committed, amountMinor: project.committed.amountMinor + data.amount.amountMinor };
        next = { ...next, committed, fundingApprovals: [...project.fundingApprovals, { decisionId: data.decisionId, poolId: data.poolId, amount: data.amount }] };
      }
      if (data.deferredToMeetingId !== null) next = { ...next, deferredToMeetingId: data.deferredToMeetingId };
      if (data.requestedChanges !== null) next = { ...next, requestedChanges: data.requestedChanges };
      if (data.priorityNote !== null) next = { ...next, priorityNote: data.priorityNote };
      if (data.escalatedToForumId !== null) {
        next = { ...next, escalation: { decisionId: data.decisionId, toForumId: data.escalatedToForumId, reason: data.rationale } };
      }
      return next;
    }
    case ProjectEventType.DecisionNotReached: {
      const project = existing(state, event);
      const { data } = event;
      const record = decisionRecord(data.decisionId, data.kind, data.outcome, data.basis, data.position, data.position);
      return { ...project, decisions: [...project.decisions, record] };
    }
    case ProjectEventType.StageChanged: {
      const project = existing(state, event);
      const { from, to } = event.data;
      if (project.status !== from) throw new InconsistentProjectHistory(event.type, `the project is in ${project.status}, not ${from}`);
      return {
        ...project,
        status: to,
        stage: isStage(to) ? to : project.stage,
        deferredToMeetingId: to === 'deferred' ? project.deferredToMeetingId : null,
      };
    }
    case ProjectEventType.Withdrawn:
    case ProjectEventType.Cancelled:
      return { ...existing(state, event), endReason: event.data.reason };
  }
}

function decisionRecord(
  decisionId: string,
  kind: DecisionRecord['kind'],
  outcome: DecisionRecord['outcome'],
  basis: DecisionBasis,
  from: ProjectPosition,
  to: ProjectPosition,
): DecisionRecord {
  return {
    decisionId,
    kind,
    outcome,
    forumId: basis.forum.forumId,
    meetingId: basis.meeting.meetingId,
    heldOn: basis.meeting.heldOn,
    agendaRevision: basis.agenda.revision,
    from,
    to,
  };
}

function isStage(position: ProjectPosition): position is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(position);
}

function existing(state: ProjectState, event: ProjectEvent): ExistingProject {
  if (state.status === 'none') throw new InconsistentProjectHistory(event.type, 'the project has not entered the portfolio');
  return state;
}
