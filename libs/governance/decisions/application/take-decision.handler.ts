import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadAggregate, WrongExpectedVersionError, type EventMetadata, type EventStore } from '../../../event-store/index.js';
import { CommitFundingCommand, ReleaseCommitmentCommand } from '../../../funding/application/funding-pool-commands.js';
import {
  decideProject,
  ProjectCommandType,
  projectDecider,
  ProjectEventType,
  ProjectNotFound,
  projectStream,
  type DecisionTakenData,
  type GateRuleSet,
  type TakeDecision,
} from '../../domain/decisions/index.js';
import { DecisionBasisLoader } from './decision-basis.loader.js';
import { TakeDecisionCommand, type TakeDecisionResult } from './decision-commands.js';
import { enterPortfolioOnce, submissionOf } from './enter-portfolio.js';
import { GATE_RULE_SETS } from './gate-rule-sets.js';
import { foldProjectView } from './project-view.js';

/**
 * Takes a decision: gathers its basis, lets the pure decider judge it, and for a carried funding approval commits
 * the money first (commitment id = decision id, so a retry commits once) and only then records the decision. If the
 * decision cannot be recorded after all (another decision on the project got in first), the commitment is released
 * with the reason, so no money stays committed for a decision that does not exist.
 */
@CommandHandler(TakeDecisionCommand)
export class TakeDecisionHandler implements ICommandHandler<TakeDecisionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GATE_RULE_SETS) private readonly gateRuleSets: readonly GateRuleSet[],
    private readonly basis: DecisionBasisLoader,
    private readonly commands: CommandBus,
  ) {}

  async execute(c: TakeDecisionCommand): Promise<TakeDecisionResult> {
    const { request, organisationId, decisionId } = c;
    const { proposalId } = request;
    const stream = projectStream(proposalId);
    const loaded = await this.projectOf(proposalId, organisationId);
    const { forum, meeting, agenda } = await this.basis.load(c.meetingId, organisationId, proposalId, request.agendaRevision);
    const command: TakeDecision = {
      type: ProjectCommandType.TakeDecision,
      data: { ...request, decisionId, forum, meeting, agenda, gateRuleSets: this.gateRuleSets },
    };
    // judged before any money moves: a refused decision commits nothing
    const events = decideProject(command, loaded.state);
    const metadata: EventMetadata = { ...c.metadata, organisationId, forumId: forum.forumId, meetingId: meeting.meetingId };
    const taken = events.find((event) => event.type === ProjectEventType.DecisionTaken)?.data as DecisionTakenData | undefined;
    const funding = taken?.amount && taken.poolId ? { amount: taken.amount, poolId: taken.poolId } : null;
    if (funding) {
      await this.commands.execute(
        new CommitFundingCommand(funding.poolId, organisationId, { commitmentId: decisionId, proposalId, decisionId, amount: funding.amount, costKind: 'development' }, metadata),
      );
    }
    try {
      const append = await this.store.append(stream, events.map((event) => ({ ...event, metadata })), { expectedVersion: loaded.version });
      const project = foldProjectView(await this.store.readStream(stream))!;
      return { decision: project.decisions.find((d) => d.decisionId === decisionId)!, project, position: append.lastPosition };
    } catch (error) {
      if (funding) await this.release(funding.poolId, organisationId, decisionId, error, metadata);
      throw error;
    }
  }

  /** The project, entering it first if its proposal was submitted and the entry process has not caught up yet. */
  private async projectOf(proposalId: string, organisationId: string) {
    let loaded = await loadAggregate(this.store, projectDecider, projectStream(proposalId));
    if (loaded.state.status === 'none') {
      const submitted = await submissionOf(this.store, proposalId);
      if (submitted !== null) await enterPortfolioOnce(this.store, submitted);
      loaded = await loadAggregate(this.store, projectDecider, projectStream(proposalId));
    }
    if (loaded.state.status === 'none' || loaded.state.organisationId !== organisationId) throw new ProjectNotFound(proposalId);
    return loaded;
  }

  /** Compensation: the decision was not recorded, so its commitment must not stand. */
  private async release(poolId: string, organisationId: string, decisionId: string, cause: unknown, metadata: EventMetadata): Promise<void> {
    const why = cause instanceof WrongExpectedVersionError ? 'another decision on the project was recorded first' : 'the decision could not be recorded';
    const reason = `compensation: decision ${decisionId} was not recorded (${why}); its commitment is released`;
    await this.commands.execute(new ReleaseCommitmentCommand(poolId, organisationId, decisionId, reason, undefined, { ...metadata, reason }));
  }
}
