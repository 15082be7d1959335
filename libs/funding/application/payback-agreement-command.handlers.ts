import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import { findPaybackAgreement, fundingPoolDecider, FundingPoolCommandType, FundingPoolNotFound, PaybackAgreementNotFound, type FundingPoolCommand } from '../domain/index.js';
import { fundingPoolStream } from './funding-pool-id.js';
import { foldFundingPool } from './funding-pool-view.js';
import { todayInCopenhagen } from './local-date.js';
import { ConcludePaybackAgreementCommand, RecordPaybackPaymentCommand, type PaybackAgreementCommandResult } from './payback-agreement-commands.js';
import { paybackAgreementView } from './payback-agreement-view.js';

/** Decide on the pool's stream (the agreement lives there, so paybacks and the balance move together), answer with the agreement. */
async function run(
  store: EventStore,
  poolId: string,
  organisationId: string,
  commitmentId: string,
  command: FundingPoolCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<PaybackAgreementCommandResult> {
  const stream = fundingPoolStream(poolId);
  const guard = organisationGuard(organisationId, () => new FundingPoolNotFound(poolId));
  const result = await handleCommand(store, fundingPoolDecider, stream, command, { metadata, expectedVersion, guard });
  const events = await store.readStream(stream, { toVersion: result.version });
  const pool = foldFundingPool(events);
  if (pool.status === 'none') throw new FundingPoolNotFound(poolId);
  const agreement = findPaybackAgreement(pool, commitmentId);
  if (!agreement) throw new PaybackAgreementNotFound(poolId, commitmentId);
  return { agreement: paybackAgreementView(pool, agreement, events, todayInCopenhagen()), position: result.append?.lastPosition ?? null };
}

@CommandHandler(ConcludePaybackAgreementCommand)
export class ConcludePaybackAgreementHandler implements ICommandHandler<ConcludePaybackAgreementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: ConcludePaybackAgreementCommand) {
    const command = { type: FundingPoolCommandType.ConcludePaybackAgreement, data: { poolId: c.poolId, commitmentId: c.commitmentId, ...c.terms } } as const;
    return run(this.store, c.poolId, c.organisationId, c.commitmentId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(RecordPaybackPaymentCommand)
export class RecordPaybackPaymentHandler implements ICommandHandler<RecordPaybackPaymentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: RecordPaybackPaymentCommand) {
    const command = { type: FundingPoolCommandType.RecordPaybackPayment, data: { poolId: c.poolId, commitmentId: c.commitmentId, ...c.payment } } as const;
    return run(this.store, c.poolId, c.organisationId, c.commitmentId, command, c.metadata, c.expectedVersion);
  }
}

export const PAYBACK_AGREEMENT_COMMAND_HANDLERS = [ConcludePaybackAgreementHandler, RecordPaybackPaymentHandler];
