import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import { proposalStream } from '../../proposals/application/proposal-decider.js';
import { foldProposalView } from '../../proposals/application/proposal-view.js';
import {
  fundingPoolDecider,
  FundingPoolCommandType,
  FundingPoolNotFound,
  InvalidFundingRequest,
  type FundingPoolCommand,
} from '../domain/index.js';
import {
  AdjustFundingPoolAmountCommand,
  CommitFundingCommand,
  EstablishFundingPoolCommand,
  ReleaseCommitmentCommand,
  type FundingPoolCommandResult,
} from './funding-pool-commands.js';
import { fundingPoolId, fundingPoolStream } from './funding-pool-id.js';
import { foldFundingPool, foldFundingPoolView } from './funding-pool-view.js';

/** Decide on the pool's stream (another organisation's pool is not found), append, answer with the pool. */
async function run(
  store: EventStore,
  poolId: string,
  organisationId: string,
  command: FundingPoolCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<FundingPoolCommandResult> {
  const stream = fundingPoolStream(poolId);
  const guard = organisationGuard(organisationId, () => new FundingPoolNotFound(poolId));
  const result = await handleCommand(store, fundingPoolDecider, stream, command, { metadata, expectedVersion, guard });
  const pool = foldFundingPoolView(await store.readStream(stream, { toVersion: result.version }));
  if (!pool) throw new FundingPoolNotFound(poolId);
  return { pool, position: result.append?.lastPosition ?? null };
}

@CommandHandler(EstablishFundingPoolCommand)
export class EstablishFundingPoolHandler implements ICommandHandler<EstablishFundingPoolCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: EstablishFundingPoolCommand) {
    const poolId = fundingPoolId(c.organisationId, c.forumId, c.year, c.investmentArea);
    const command = {
      type: FundingPoolCommandType.Establish,
      data: { poolId, organisationId: c.organisationId, forumId: c.forumId, year: c.year, name: c.name, amount: c.amount, investmentArea: c.investmentArea },
    } as const;
    // no expected version: an existing pool is the domain's "already exists", not a version conflict
    return run(this.store, poolId, c.organisationId, command, c.metadata);
  }
}

@CommandHandler(AdjustFundingPoolAmountCommand)
export class AdjustFundingPoolAmountHandler implements ICommandHandler<AdjustFundingPoolAmountCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: AdjustFundingPoolAmountCommand) {
    const command = { type: FundingPoolCommandType.AdjustAmount, data: { poolId: c.poolId, amount: c.amount, reason: c.reason } } as const;
    return run(this.store, c.poolId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(CommitFundingCommand)
export class CommitFundingHandler implements ICommandHandler<CommitFundingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: CommitFundingCommand) {
    const { commitmentId, proposalId, decisionId, amount, costKind } = c.commitment;
    // the pool first: another organisation's pool is not found, whatever the body says
    const pool = foldFundingPool(await this.store.readStream(fundingPoolStream(c.poolId)));
    if (pool.status === 'none' || pool.organisationId !== c.organisationId) throw new FundingPoolNotFound(c.poolId);
    const proposal = foldProposalView(await this.store.readStream(proposalStream(proposalId)));
    if (!proposal || proposal.organisationId !== c.organisationId) throw new InvalidFundingRequest('proposalId', 'is not a proposal of this organisation');
    // money follows a decision on a submitted proposal: a draft is not before any forum, a withdrawn one is out
    if (proposal.status === 'draft' || proposal.status === 'withdrawn') {
      throw new InvalidFundingRequest('proposalId', `is a ${proposal.status} proposal: only a submitted proposal can be funded`);
    }
    const command = { type: FundingPoolCommandType.Commit, data: { poolId: c.poolId, commitmentId, proposalId, decisionId, amount, costKind } } as const;
    return run(this.store, c.poolId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(ReleaseCommitmentCommand)
export class ReleaseCommitmentHandler implements ICommandHandler<ReleaseCommitmentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: ReleaseCommitmentCommand) {
    const command = { type: FundingPoolCommandType.Release, data: { poolId: c.poolId, commitmentId: c.commitmentId, reason: c.reason } } as const;
    return run(this.store, c.poolId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

export const FUNDING_POOL_COMMAND_HANDLERS = [EstablishFundingPoolHandler, AdjustFundingPoolAmountHandler, CommitFundingHandler, ReleaseCommitmentHandler];
