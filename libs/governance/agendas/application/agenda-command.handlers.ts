import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, loadAggregate, WrongExpectedVersionError, type EventMetadata, type EventStore } from '../../../event-store/index.js';
import { proposalStream } from '../../../proposals/application/proposal-decider.js';
import {
  AgendaAlreadyFrozen,
  AgendaCommandType,
  AgendaNotFound,
  type AgendaCommand,
  type AgendaPack,
} from '../../domain/agendas/index.js';
import { findMeeting, MeetingNotFound } from '../../domain/meetings/index.js';
import { calendarDecider, meetingCalendarStream } from '../../meetings/application/meeting-calendar-stream.js';
import { MeetingLocator } from '../../meetings/application/meeting-locator.js';
import { handleScopedCommand } from '../../meetings/application/organisation-scope.js';
import {
  AddAgendaItemCommand,
  FreezeAgendaCommand,
  PrepareAgendaCommand,
  RemoveAgendaItemCommand,
  ReopenAgendaCommand,
  ReorderAgendaItemsCommand,
  type AgendaCommandResult,
  type FreezeAgendaResult,
} from './agenda-commands.js';
import { AgendaPackAssembler } from './agenda-pack-assembler.js';
import { agendaDecider, agendaStream } from './agenda-stream.js';
import { foldAgenda, type FoldedAgenda } from './agenda-view.js';

/** An agenda item names a proposal the acting organisation does not have. */
export class AgendaProposalNotFound extends Error {
  constructor(readonly proposalId: string) {
    super(`no proposal ${proposalId} of this organisation exists`);
    this.name = 'AgendaProposalNotFound';
  }
}

interface Scoped {
  readonly meetingId: string;
  readonly organisationId: string;
  readonly expectedVersion: number | undefined;
  readonly metadata: EventMetadata;
}

/** Decide on the meeting's agenda stream within the organisation's scope, append, and answer with the agenda. */
async function run(store: EventStore, c: Scoped, command: AgendaCommand, expectedVersion = c.expectedVersion): Promise<AgendaCommandResult & { folded: FoldedAgenda }> {
  const stream = agendaStream(c.meetingId);
  const result = await handleScopedCommand(store, agendaDecider, stream, command, {
    organisationId: c.organisationId,
    metadata: c.metadata,
    expectedVersion,
    notFound: () => new AgendaNotFound(c.meetingId),
  });
  const folded = foldAgenda(await store.readStream(stream, { toVersion: result.version }));
  if (!folded) throw new AgendaNotFound(c.meetingId);
  return { agenda: folded.view, position: result.append?.lastPosition ?? null, folded };
}

/** The agenda as it stands, if the acting organisation owns it. */
async function loadOwnAgenda(store: EventStore, meetingId: string, organisationId: string): Promise<FoldedAgenda> {
  const folded = foldAgenda(await store.readStream(agendaStream(meetingId)));
  if (!folded || folded.organisationId !== organisationId) throw new AgendaNotFound(meetingId);
  return folded;
}

@CommandHandler(PrepareAgendaCommand)
export class PrepareAgendaHandler implements ICommandHandler<PrepareAgendaCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly meetings: MeetingLocator,
  ) {}
  async execute(c: PrepareAgendaCommand): Promise<AgendaCommandResult> {
    // the meeting must be one of the acting organisation's; its forum is recorded on the agenda
    const { forumId } = await this.meetings.locate(c.meetingId, c.organisationId);
    const { agenda, position } = await run(this.store, c, { type: AgendaCommandType.Prepare, data: { meetingId: c.meetingId, forumId } });
    return { agenda, position };
  }
}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: AddAgendaItemCommand): Promise<AgendaCommandResult> {
    const proposalId = c.item.proposalId;
    if (proposalId != null) {
      const [drafted] = await this.store.readStream(proposalStream(proposalId), { maxCount: 1 });
      if ((drafted?.data as { organisationId?: string } | undefined)?.organisationId !== c.organisationId) throw new AgendaProposalNotFound(proposalId);
    }
    const { agenda, position } = await run(this.store, c, {
      type: AgendaCommandType.AddItem,
      data: { meetingId: c.meetingId, item: c.item, ...(c.position !== undefined && { position: c.position }) },
    });
    return { agenda, position };
  }
}

@CommandHandler(RemoveAgendaItemCommand)
export class RemoveAgendaItemHandler implements ICommandHandler<RemoveAgendaItemCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: RemoveAgendaItemCommand): Promise<AgendaCommandResult> {
    const { agenda, position } = await run(this.store, c, { type: AgendaCommandType.RemoveItem, data: { meetingId: c.meetingId, itemId: c.itemId } });
    return { agenda, position };
  }
}

@CommandHandler(ReorderAgendaItemsCommand)
export class ReorderAgendaItemsHandler implements ICommandHandler<ReorderAgendaItemsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: ReorderAgendaItemsCommand): Promise<AgendaCommandResult> {
    const { agenda, position } = await run(this.store, c, {
      type: AgendaCommandType.ReorderItems,
      data: { meetingId: c.meetingId, itemIds: c.itemIds },
    });
    return { agenda, position };
  }
}

/**
 * Freezing: the server assembles the pack from the agenda as read, the meeting as its calendar holds it, and the
 * other contexts' data now, then appends it guarded by the agenda version read, so the pack always describes the
 * agenda it froze (a concurrent change of the items is a 409, never a pack that drifted from them).
 */
@CommandHandler(FreezeAgendaCommand)
export class FreezeAgendaHandler implements ICommandHandler<FreezeAgendaCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly assembler: AgendaPackAssembler,
  ) {}
  async execute(c: FreezeAgendaCommand): Promise<FreezeAgendaResult> {
    const current = await loadOwnAgenda(this.store, c.meetingId, c.organisationId);
    if (c.expectedVersion !== undefined && c.expectedVersion !== current.view.version) {
      throw new WrongExpectedVersionError(agendaStream(c.meetingId), c.expectedVersion, current.view.version);
    }
    const agenda = current.state;
    const calendar = await loadAggregate(this.store, calendarDecider, meetingCalendarStream(agenda.forumId));
    const meeting = findMeeting(calendar.state, agenda.meetingId);
    if (!meeting) throw new MeetingNotFound(agenda.meetingId);
    let pack: AgendaPack;
    try {
      pack = await this.assembler.assemble({
        organisationId: c.organisationId,
        agenda,
        meeting: { meetingId: meeting.meetingId, forumId: agenda.forumId, startsAt: meeting.startsAt },
        scoringModelId: c.sources.scoringModelId,
        fundingPoolId: c.sources.fundingPoolId,
      });
    } catch (error) {
      // a frozen agenda changes only after a reopen, whatever its sources say now
      if (agenda.status === 'frozen') throw new AgendaAlreadyFrozen(agenda.meetingId, agenda.revision);
      throw error;
    }
    const { agenda: view, position, folded } = await run(
      this.store,
      c,
      { type: AgendaCommandType.Freeze, data: { meetingId: c.meetingId, pack } },
      current.view.version,
    );
    const frozen = folded.revisions.at(-1)!;
    return { agenda: view, position, frozen, created: position !== null };
  }
}

@CommandHandler(ReopenAgendaCommand)
export class ReopenAgendaHandler implements ICommandHandler<ReopenAgendaCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(c: ReopenAgendaCommand): Promise<AgendaCommandResult> {
    const { agenda, position } = await run(this.store, c, { type: AgendaCommandType.Reopen, data: { meetingId: c.meetingId, reason: c.reason } });
    return { agenda, position };
  }
}

export const AGENDA_COMMAND_HANDLERS = [
  PrepareAgendaHandler,
  AddAgendaItemHandler,
  RemoveAgendaItemHandler,
  ReorderAgendaItemsHandler,
  FreezeAgendaHandler,
  ReopenAgendaHandler,
];
