import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import { costAllocationKeyDecider, CostAllocationKeyCommandType, CostAllocationKeyNotFound, type CostAllocationKeyCommand } from '../domain/index.js';
import {
  AddCostAllocationTermsCommand,
  costAllocationKeyStream,
  DefineCostAllocationKeyCommand,
  type CostAllocationKeyCommandResult,
} from './cost-allocation-key-commands.js';
import { foldCostAllocationKeyView } from './cost-allocation-key-view.js';

async function run(
  store: EventStore,
  keyId: string,
  organisationId: string,
  command: CostAllocationKeyCommand,
  options: { metadata: EventMetadata; expectedVersion?: number; newStream?: boolean },
): Promise<CostAllocationKeyCommandResult> {
  const stream = costAllocationKeyStream(keyId);
  const guard = organisationGuard(organisationId, () => new CostAllocationKeyNotFound(keyId));
  const result = await handleCommand(store, costAllocationKeyDecider, stream, command, { ...options, guard });
  const key = foldCostAllocationKeyView(await store.readStream(stream, { toVersion: result.version }));
  if (!key) throw new CostAllocationKeyNotFound(keyId);
  return { key, position: result.append?.lastPosition ?? null };
}

@CommandHandler(DefineCostAllocationKeyCommand)
export class DefineCostAllocationKeyHandler implements ICommandHandler<DefineCostAllocationKeyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: DefineCostAllocationKeyCommand) {
    const keyId = randomUUID();
    const command = { type: CostAllocationKeyCommandType.Define, data: { keyId, organisationId: c.organisationId, name: c.name, basis: c.basis, terms: c.terms } } as const;
    return run(this.store, keyId, c.organisationId, command, { metadata: c.metadata, newStream: true });
  }
}

@CommandHandler(AddCostAllocationTermsCommand)
export class AddCostAllocationTermsHandler implements ICommandHandler<AddCostAllocationTermsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: AddCostAllocationTermsCommand) {
    const command = { type: CostAllocationKeyCommandType.AddTerms, data: { keyId: c.keyId, terms: c.terms } } as const;
    return run(this.store, c.keyId, c.organisationId, command, { metadata: c.metadata, expectedVersion: c.expectedVersion });
  }
}

export const COST_ALLOCATION_KEY_COMMAND_HANDLERS = [DefineCostAllocationKeyHandler, AddCostAllocationTermsHandler];
