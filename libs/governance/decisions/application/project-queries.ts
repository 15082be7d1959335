import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadAggregate, type EventStore } from '../../../event-store/index.js';
import { agendaDecider, agendaStream } from '../../agendas/application/agenda-stream.js';
import { frozenRevision, verifyPack, type AgendaPack } from '../../domain/agendas/index.js';
import { ProjectNotFound, projectStream, ruleSetInForce, type GateRuleSet } from '../../domain/decisions/index.js';
import { calendarDay } from '../../forums/application/calendar-day.js';
import { GateRuleRegisterReader } from '../../gate-rules/application/gate-rule-register.reader.js';
import { DecisionNotFound } from './decision-application.errors.js';
import { foldProjectView, type DecisionView, type ProjectView } from './project-view.js';

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly proposalId: string,
    readonly organisationId: string,
  ) {
    super();
  }
}

/** What the forum saw: the decision and the frozen pack it points to, re-verified against the recorded hash now. */
export interface DecisionRecordView {
  readonly decision: DecisionView;
  readonly votes: DecisionView['basis']['votes'];
  readonly tally: DecisionView['basis']['tally'];
  readonly rationale: string;
  readonly agenda: {
    readonly meetingId: string;
    readonly revision: number;
    readonly contentHash: string;
    /** The stored pack still hashes to the hash the decision recorded. */
    readonly verified: boolean;
    readonly pack: AgendaPack | null;
  };
}

export class GetDecisionQuery extends Query<DecisionRecordView> {
  constructor(
    readonly proposalId: string,
    readonly decisionId: string,
    readonly organisationId: string,
  ) {
    super();
  }
}

async function projectOf(store: EventStore, proposalId: string, organisationId: string, ruleSet?: GateRuleSet): Promise<ProjectView> {
  const project = foldProjectView(await store.readStream(projectStream(proposalId)), ruleSet);
  if (project === null || project.organisationId !== organisationId) throw new ProjectNotFound(proposalId);
  return project;
}

/** The project with its next gate under the organisation's gate rules in force today. */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gateRules: GateRuleRegisterReader,
  ) {}

  async execute(q: GetProjectQuery) {
    const { ruleSets } = await this.gateRules.load(q.organisationId);
    return projectOf(this.store, q.proposalId, q.organisationId, ruleSetInForce(ruleSets, calendarDay()));
  }
}

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(q: GetDecisionQuery): Promise<DecisionRecordView> {
    const project = await projectOf(this.store, q.proposalId, q.organisationId).catch((error: unknown) => {
      throw error instanceof ProjectNotFound ? new DecisionNotFound(q.proposalId, q.decisionId) : error;
    });
    const decision = project.decisions.find((candidate) => candidate.decisionId === q.decisionId);
    if (!decision) throw new DecisionNotFound(q.proposalId, q.decisionId);
    const { meetingId, revision, contentHash } = decision.basis.agenda;
    const agenda = await loadAggregate(this.store, agendaDecider, agendaStream(meetingId));
    const frozen = frozenRevision(agenda.state, revision);
    const verified = frozen !== null && frozen.contentHash === contentHash && verifyPack(frozen.pack, contentHash);
    return {
      decision,
      votes: decision.basis.votes,
      tally: decision.basis.tally,
      rationale: decision.rationale,
      agenda: { meetingId, revision, contentHash, verified, pack: frozen?.pack ?? null },
    };
  }
}

export const PROJECT_QUERY_HANDLERS = [GetProjectHandler, GetDecisionHandler];
