import { Inject, Logger } from '@nestjs/common';
import { ProblemException } from '../../../platform/index.js';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadAggregate, WrongExpectedVersionError, type AppendResult, type EventMetadata, type EventStore } from '../../../event-store/index.js';
import { CommitFundingCommand, ReleaseCommitmentCommand } from '../../../funding/application/funding-pool-commands.js';
import { ConcludePaybackAgreementCommand } from '../../../funding/application/payback-agreement-commands.js';
import {
  decideProject,
  ProjectCommandType,
  projectDecider,
  ProjectEventType,
  ProjectNotFound,
  projectStream,
  ruleSetInForce,
  type DecisionTakenData,
  type TakeDecision,
} from '../../domain/decisions/index.js';
import { calendarDay } from '../../forums/application/calendar-day.js';
import { GateRuleRegisterReader } from '../../gate-rules/application/gate-rule-register.reader.js';
import { DecisionBasisLoader } from './decision-basis.loader.js';
import { TakeDecisionCommand, type TakeDecisionResult } from './decision-commands.js';
import { enterPortfolioOnce, submissionOf } from './enter-portfolio.js';
import { foldProjectView } from './project-view.js';

/** A release that loses a race with another write to the pool is tried again, on the pool as it then stands. */
const RELEASE_ATTEMPTS = 5;

interface Funding {
  readonly poolId: string;
  readonly amount: NonNullable<DecisionTakenData['amount']>;
}

/**
 * Takes a decision: gathers its basis and the organisation's gate rule sets, lets the pure decider judge it, and for
 * a carried funding approval commits the money first (commitment id = decision id, so a retry commits once) and only
 * then records the decision. If recording fails and the decision is not on the project's stream (another decision
 * got in first, or the log refused the write), the commitment is released with the reason, so no money stays
 * committed for a decision that does not exist. Only a crash between the two writes can leave it committed.
 */
@CommandHandler(TakeDecisionCommand)
export class TakeDecisionHandler implements ICommandHandler<TakeDecisionCommand> {
  private readonly logger = new Logger('TakeDecision');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gateRules: GateRuleRegisterReader,
    private readonly basis: DecisionBasisLoader,
    private readonly commands: CommandBus,
  ) {}

  async execute(c: TakeDecisionCommand): Promise<TakeDecisionResult> {
    const { request: withSavings, organisationId, decisionId } = c;
    const { expectedSavings, ...request } = withSavings;
    const { proposalId } = request;
    const stream = projectStream(proposalId);
    const loaded = await this.projectOf(proposalId, organisationId);
    const { forum, meeting, agenda } = await this.basis.load(c.meetingId, organisationId, proposalId, request.agendaRevision);
    const { ruleSets } = await this.gateRules.load(organisationId);
    const command: TakeDecision = {
      type: ProjectCommandType.TakeDecision,
      data: { ...request, decisionId, forum, meeting, agenda, gateRuleSets: ruleSets },
    };
    // judged before any money moves: a refused decision commits nothing
    const events = decideProject(command, loaded.state);
    const metadata: EventMetadata = { ...c.metadata, organisationId, forumId: forum.forumId, meetingId: meeting.meetingId };
    const taken = events.find((event) => event.type === ProjectEventType.DecisionTaken)?.data as DecisionTakenData | undefined;
    const funding: Funding | null = taken?.amount && taken.poolId ? { amount: taken.amount, poolId: taken.poolId } : null;
    if (expectedSavings && !funding) {
      const reason = 'applies only to a funding approval that commits money from a pool';
      throw new ProblemException({ status: 422, detail: `expectedSavings ${reason}.`, errors: [{ field: 'expectedSavings', reason }] });
    }
    if (funding) {
      await this.commands.execute(
        new CommitFundingCommand(funding.poolId, organisationId, { commitmentId: decisionId, proposalId, decisionId, amount: funding.amount, costKind: 'development' }, metadata),
      );
      if (expectedSavings) {
        // efficiency principle: the agreement stands with the commitment; if either fails, the money goes back
        try {
          await this.commands.execute(new ConcludePaybackAgreementCommand(funding.poolId, organisationId, decisionId, expectedSavings, metadata));
        } catch (error) {
          await this.compensate(funding, organisationId, proposalId, decisionId, error, metadata);
          throw error;
        }
      }
    }
    let append: AppendResult;
    try {
      append = await this.store.append(stream, events.map((event) => ({ ...event, metadata })), { expectedVersion: loaded.version });
    } catch (error) {
      if (funding) await this.compensate(funding, organisationId, proposalId, decisionId, error, metadata);
      throw error;
    }
    // the decision is recorded: nothing after this point may release its money
    const project = foldProjectView(await this.store.readStream(stream), ruleSetInForce(ruleSets, calendarDay()))!;
    return { decision: project.decisions.find((d) => d.decisionId === decisionId)!, project, position: append.lastPosition };
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

  /**
   * Compensation: the append failed, so the decision's commitment must not stand, unless the decision is on the stream
   * after all (an append whose answer was lost may have been written). A failure here is logged, never thrown: the
   * caller must learn why the decision failed, not why its clean-up did.
   */
  private async compensate(funding: Funding, organisationId: string, proposalId: string, decisionId: string, cause: unknown, metadata: EventMetadata): Promise<void> {
    try {
      if (await this.isRecorded(proposalId, decisionId)) return;
      const why = cause instanceof WrongExpectedVersionError ? 'another decision on the project was recorded first' : 'the decision could not be recorded';
      const reason = `compensation: decision ${decisionId} was not recorded (${why}); its commitment is released`;
      const release = new ReleaseCommitmentCommand(funding.poolId, organisationId, decisionId, reason, undefined, { ...metadata, reason });
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.commands.execute(release);
          return;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError) || attempt === RELEASE_ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      this.logger.error(
        `commitment ${decisionId} of pool ${funding.poolId} (${funding.amount.amountMinor} ${funding.amount.currency}) for proposal ${proposalId} ` +
          `could not be released after its decision failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async isRecorded(proposalId: string, decisionId: string): Promise<boolean> {
    const project = foldProjectView(await this.store.readStream(projectStream(proposalId)));
    return project?.decisions.some((decision) => decision.decisionId === decisionId) ?? false;
  }
}
