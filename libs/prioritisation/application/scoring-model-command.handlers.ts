import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { scoringModelDecider, ScoringModelCommandType, ScoringModelNotFound, type ScoringModelCommand } from '../domain/index.js';
import { scopedMetadata, scoringModelStream, streamOwner } from './prioritisation-streams.js';
import {
  DefineScoringModelCommand,
  RetireScoringModelCommand,
  ReviseScoringModelCommand,
  type ScoringModelCommandResult,
} from './scoring-model-commands.js';
import { foldScoringModelView } from './scoring-model-view.js';

/** Decide on the model's stream (another organisation's model is not found), append, answer with the model. */
async function run(
  store: EventStore,
  modelId: string,
  organisationId: string,
  command: ScoringModelCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<ScoringModelCommandResult> {
  const stream = scoringModelStream(modelId);
  // the owner never changes once the stream exists, so reading it before the decision is safe
  const owner = streamOwner(await store.readStream(stream, { maxCount: 1 }));
  const guard = (state: unknown) => {
    if ((state as { status: string }).status !== 'none' && owner !== organisationId) throw new ScoringModelNotFound(modelId);
  };
  const result = await handleCommand(store, scoringModelDecider, stream, command, {
    metadata: scopedMetadata(metadata, organisationId),
    expectedVersion,
    guard,
  });
  const model = foldScoringModelView(await store.readStream(stream, { toVersion: result.version }));
  if (!model) throw new ScoringModelNotFound(modelId);
  return { model, position: result.append?.lastPosition ?? null };
}

@CommandHandler(DefineScoringModelCommand)
export class DefineScoringModelHandler implements ICommandHandler<DefineScoringModelCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: DefineScoringModelCommand) {
    const command = { type: ScoringModelCommandType.Define, data: { modelId: c.modelId, forumId: c.forumId, ...c.content } } as const;
    return run(this.store, c.modelId, c.organisationId, command, c.metadata, 0);
  }
}

@CommandHandler(ReviseScoringModelCommand)
export class ReviseScoringModelHandler implements ICommandHandler<ReviseScoringModelCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: ReviseScoringModelCommand) {
    const command = { type: ScoringModelCommandType.Revise, data: { modelId: c.modelId, ...c.content } } as const;
    return run(this.store, c.modelId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(RetireScoringModelCommand)
export class RetireScoringModelHandler implements ICommandHandler<RetireScoringModelCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: RetireScoringModelCommand) {
    const command = { type: ScoringModelCommandType.Retire, data: { modelId: c.modelId, reason: c.reason } } as const;
    return run(this.store, c.modelId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

export const SCORING_MODEL_COMMAND_HANDLERS = [DefineScoringModelHandler, ReviseScoringModelHandler, RetireScoringModelHandler];
