import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import { ProposalCommandType, ProposalNotFound, type ProposalCommand } from '../domain/index.js';
import {
  AmendProposalCommand,
  DraftProposalCommand,
  SubmitProposalCommand,
  WithdrawProposalCommand,
  type ProposalCommandResult,
} from './proposal-commands.js';
import { proposalDecider, proposalStream } from './proposal-decider.js';
import { foldProposalView } from './proposal-view.js';

/** Decide on the stream, append, and answer with the proposal as it now stands. */
async function run(
  store: EventStore,
  proposalId: string,
  organisationId: string,
  command: ProposalCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<ProposalCommandResult> {
  const stream = proposalStream(proposalId);
  const guard = organisationGuard(organisationId, () => new ProposalNotFound(proposalId));
  // a draft's id was generated for it: there is nothing to read
  const newStream = command.type === ProposalCommandType.Draft;
  const result = await handleCommand(store, proposalDecider, stream, command, { metadata, expectedVersion, guard, newStream });
  const proposal = foldProposalView(result.stream);
  if (!proposal) throw new ProposalNotFound(proposalId);
  return { proposal, position: result.append?.lastPosition ?? null };
}

@CommandHandler(DraftProposalCommand)
export class DraftProposalHandler implements ICommandHandler<DraftProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: DraftProposalCommand) {
    const command = { type: ProposalCommandType.Draft, data: { proposalId: c.proposalId, organisationId: c.organisationId, form: c.form } } as const;
    return run(this.store, c.proposalId, c.organisationId, command, c.metadata, 0);
  }
}

@CommandHandler(AmendProposalCommand)
export class AmendProposalHandler implements ICommandHandler<AmendProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: AmendProposalCommand) {
    const command = { type: ProposalCommandType.Amend, data: { proposalId: c.proposalId, amendment: c.amendment } } as const;
    return run(this.store, c.proposalId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(SubmitProposalCommand)
export class SubmitProposalHandler implements ICommandHandler<SubmitProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: SubmitProposalCommand) {
    const command = { type: ProposalCommandType.Submit, data: { proposalId: c.proposalId } } as const;
    return run(this.store, c.proposalId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(WithdrawProposalCommand)
export class WithdrawProposalHandler implements ICommandHandler<WithdrawProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: WithdrawProposalCommand) {
    const command = { type: ProposalCommandType.Withdraw, data: { proposalId: c.proposalId, reason: c.reason } } as const;
    return run(this.store, c.proposalId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

export const PROPOSAL_COMMAND_HANDLERS = [DraftProposalHandler, AmendProposalHandler, SubmitProposalHandler, WithdrawProposalHandler];
