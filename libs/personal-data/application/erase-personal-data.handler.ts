import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, WrongExpectedVersionError, type EventStore } from '../../event-store/index.js';
import { organisationGuard } from '../../platform/index.js';
import { erasureDecider, ErasureCommandType, PersonNotFound, personalDataStream } from '../domain/index.js';
import { PersonKeys } from '../store/person-keys.js';
import { ErasePersonalDataCommand, type ErasureResult } from './personal-data-commands.js';
import { personView } from './person-view.js';

/**
 * Records the erasure, then deletes the key: from then on every read shows the person as erased, on every
 * instance. The event comes first so that no key is ever deleted without its audited erasure; should the process
 * stop in between, a repeat of the request (or the erasure follow-up) deletes the key. Read models are scrubbed by
 * the follow-up process, after the key is gone.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: PersonKeys,
  ) {}

  async execute(c: ErasePersonalDataCommand): Promise<ErasureResult> {
    const record = await this.keys.get(c.personId);
    const known = record !== null && record.organisationId === c.organisationId;
    const stream = personalDataStream(c.personId);
    const command = { type: ErasureCommandType.Erase, data: { personId: c.personId, organisationId: c.organisationId, known } } as const;
    const erase = () =>
      handleCommand(this.store, erasureDecider, stream, command, {
        metadata: c.metadata,
        guard: organisationGuard(c.organisationId, () => new PersonNotFound(c.personId)),
      });
    // two administrators erasing at once: the second finds the erasure recorded and records nothing
    const result = await erase().catch((err: unknown) => (err instanceof WrongExpectedVersionError ? erase() : Promise.reject(err)));
    await this.keys.erase(c.personId);
    const [after, events] = await Promise.all([this.keys.get(c.personId), this.store.readStream(stream)]);
    return { person: personView(after!, events), version: result.version, position: result.append?.lastPosition ?? null };
  }
}
