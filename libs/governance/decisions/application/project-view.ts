import type { RecordedEvent } from '../../../event-store/index.js';
import {
  DEFAULT_GATE_RULE_SET,
  evolveProject,
  initialProjectState,
  nextGate,
  ProjectEventType,
  type DecisionNotReachedData,
  type DecisionTakenData,
  type ExistingProject,
  type GateRuleSet,
  type NextGate,
  type ProjectEvent,
} from '../../domain/decisions/index.js';

/** One decision as the project's history shows it: what was decided, on what basis, by whom and when. */
export interface DecisionView {
  readonly decisionId: string;
  readonly kind: DecisionTakenData['kind'];
  /** `carried`, or why no decision came of the vote. */
  readonly outcome: string;
  readonly rationale: string;
  readonly forumId: string;
  readonly meetingId: string;
  readonly heldOn: string;
  readonly agendaRevision: number;
  readonly from: string;
  readonly to: string;
  readonly amount: DecisionTakenData['amount'];
  readonly poolId: string | null;
  readonly deferredToMeetingId: string | null;
  readonly requestedChanges: string | null;
  readonly priorityNote: string | null;
  readonly escalatedToForumId: string | null;
  readonly basis: DecisionTakenData['basis'];
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly link: string;
}

export interface ProjectView extends Omit<ExistingProject, 'decisions'> {
  readonly decisions: readonly DecisionView[];
  readonly nextGate: NextGate | null;
  /** The stream version: the ETag. */
  readonly version: number;
}

/**
 * The project from its stream, or null when the proposal has not entered the portfolio. `nextGate` describes the
 * next gate under `ruleSet`: pass the organisation's set in force today.
 */
export function foldProjectView(events: readonly RecordedEvent[], ruleSet: GateRuleSet = DEFAULT_GATE_RULE_SET): ProjectView | null {
  let state = initialProjectState();
  const decisions: DecisionView[] = [];
  for (const event of events) {
    state = evolveProject(state, { type: event.type, data: event.data } as ProjectEvent);
    if (event.type === ProjectEventType.DecisionTaken || event.type === ProjectEventType.DecisionNotReached) {
      decisions.push(decisionView(event));
    }
  }
  if (state.status === 'none') return null;
  const { decisions: _records, ...project } = state;
  return { ...project, decisions, nextGate: nextGate(state, ruleSet), version: events.at(-1)!.streamPosition };
}

function decisionView(event: RecordedEvent): DecisionView {
  const data = event.data as DecisionTakenData | DecisionNotReachedData;
  const reached = event.type === ProjectEventType.DecisionTaken;
  const taken = data as DecisionTakenData;
  const notReached = data as DecisionNotReachedData;
  return {
    decisionId: data.decisionId,
    kind: data.kind,
    outcome: reached ? 'carried' : notReached.outcome,
    rationale: data.rationale,
    forumId: data.basis.forum.forumId,
    meetingId: data.basis.meeting.meetingId,
    heldOn: data.basis.meeting.heldOn,
    agendaRevision: data.basis.agenda.revision,
    from: reached ? taken.from : notReached.position,
    to: reached ? taken.to : notReached.position,
    amount: data.amount,
    poolId: data.poolId,
    deferredToMeetingId: data.deferredToMeetingId,
    requestedChanges: data.requestedChanges,
    priorityNote: data.priorityNote,
    escalatedToForumId: data.escalatedToForumId,
    basis: data.basis,
    recordedAt: event.recordedAt.toISOString(),
    recordedBy: event.metadata.actor.subject,
    link: `/v1/projects/${data.proposalId}/decisions/${data.decisionId}`,
  };
}
