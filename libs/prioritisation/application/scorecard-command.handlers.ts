import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventStore } from '../../event-store/index.js';
import {
  InvalidScoreSet,
  modelVersionForScoring,
  scorecardDecider,
  ScorecardCommandType,
  ScoringModelNotFound,
  ScoringModelVersionNotFound,
  type ScoringModelVersion,
} from '../domain/index.js';
import { ProposalNotScorable } from './errors.js';
import { scopedMetadata, scorecardStream } from './prioritisation-streams.js';
import { RecordScoreSetCommand, type ScorecardCommandResult } from './scorecard-commands.js';
import { proposalInOrganisation } from './proposal-in-organisation.js';
import { scorecardView } from './scorecard-view.js';
import { currentModels, loadScoringModel } from './scoring-model-loader.js';

@CommandHandler(RecordScoreSetCommand)
export class RecordScoreSetHandler implements ICommandHandler<RecordScoreSetCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(c: RecordScoreSetCommand): Promise<ScorecardCommandResult> {
    const proposal = await proposalInOrganisation(this.store, c.organisationId, c.proposalId);
    if (proposal.status === 'withdrawn') throw new ProposalNotScorable(c.proposalId, proposal.status);
    const model = await this.modelForScoring(c);

    const stream = scorecardStream(c.proposalId, c.forumId);
    const command = {
      type: ScorecardCommandType.RecordScoreSet,
      data: { proposalId: c.proposalId, forumId: c.forumId, model, assessor: c.assessor, scores: c.scores, rationale: c.rationale },
    } as const;
    const result = await handleCommand(this.store, scorecardDecider, stream, command, { metadata: scopedMetadata(c.metadata, c.organisationId) });
    const events = await this.store.readStream(stream, { toVersion: result.version });
    const models = await currentModels(this.store, c.organisationId, [c.modelId]);
    return { scorecard: scorecardView(c.proposalId, c.forumId, events, models), position: result.append?.lastPosition ?? null };
  }

  /** The version the assessment names, if it is the forum's version in force; a reference in the body, so 422 when unknown. */
  private async modelForScoring(c: RecordScoreSetCommand): Promise<ScoringModelVersion> {
    try {
      const { state } = await loadScoringModel(this.store, c.organisationId, c.modelId);
      if (state.forumId !== c.forumId) {
        throw new InvalidScoreSet('modelId', `is a scoring model of forum ${state.forumId}, not of forum ${c.forumId}`);
      }
      return modelVersionForScoring(state, c.modelId, c.modelVersion);
    } catch (error) {
      if (error instanceof ScoringModelNotFound) throw new InvalidScoreSet('modelId', 'is not a scoring model of this organisation');
      if (error instanceof ScoringModelVersionNotFound) throw new InvalidScoreSet('modelVersion', `model ${c.modelId} has no version ${c.modelVersion}`);
      throw error;
    }
  }
}

export const SCORECARD_COMMAND_HANDLERS = [RecordScoreSetHandler];
