import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/index.js';
import {
  MeetingCalendarCommandType,
  MeetingNotFound,
  type MeetingCalendarCommand,
  type MeetingCalendarState,
} from '../../domain/meetings/index.js';
import { calendarDecider, meetingCalendarStream } from './meeting-calendar-stream.js';
import {
  AddMeetingCommand,
  CancelMeetingCommand,
  DEFAULT_MEETING_MINUTES,
  MarkMeetingHeldCommand,
  MoveMeetingCommand,
  ScheduleMeetingsCommand,
  SetMeetingRuleCommand,
  type MeetingCalendarResult,
} from './meeting-commands.js';
import { handleScopedCommand } from './organisation-scope.js';

/** The calendar of another organisation, like one that does not exist, is answered as not found. */
export class MeetingCalendarNotFound extends Error {
  constructor(readonly forumId: string) {
    super(`forum ${forumId} has no meeting calendar`);
    this.name = 'MeetingCalendarNotFound';
  }
}

type CalendarCommandBase = SetMeetingRuleCommand | ScheduleMeetingsCommand | AddMeetingCommand | MoveMeetingCommand | CancelMeetingCommand | MarkMeetingHeldCommand;

/** Decide on the forum's calendar stream within the acting organisation's scope, append, and answer with the calendar. */
async function run(
  store: EventStore,
  c: CalendarCommandBase,
  command: MeetingCalendarCommand | ((state: MeetingCalendarState) => MeetingCalendarCommand),
  notFound: () => Error = () => new MeetingCalendarNotFound(c.forumId),
): Promise<MeetingCalendarResult> {
  const result = await handleScopedCommand(store, calendarDecider, meetingCalendarStream(c.forumId), command, {
    organisationId: c.organisationId,
    metadata: c.metadata,
    expectedVersion: c.expectedVersion,
    notFound,
  });
  return { forumId: c.forumId, state: result.state, version: result.version, position: result.append?.lastPosition ?? null, decided: result.decided };
}

@CommandHandler(SetMeetingRuleCommand)
export class SetMeetingRuleHandler implements ICommandHandler<SetMeetingRuleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: SetMeetingRuleCommand) {
    return run(this.store, c, { type: MeetingCalendarCommandType.SetRecurrenceRule, data: { forumId: c.forumId, rule: c.rule } });
  }
}

@CommandHandler(ScheduleMeetingsCommand)
export class ScheduleMeetingsHandler implements ICommandHandler<ScheduleMeetingsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: ScheduleMeetingsCommand) {
    return run(this.store, c, { type: MeetingCalendarCommandType.ScheduleMeetings, data: { forumId: c.forumId, from: c.from, to: c.to } });
  }
}

@CommandHandler(AddMeetingCommand)
export class AddMeetingHandler implements ICommandHandler<AddMeetingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: AddMeetingCommand) {
    // an extra meeting lasts as long as the rule's meetings unless stated
    return run(this.store, c, (state) => ({
      type: MeetingCalendarCommandType.AddMeeting,
      data: {
        forumId: c.forumId,
        date: c.meeting.date,
        time: c.meeting.time,
        durationMinutes: c.meeting.durationMinutes ?? state.rule?.durationMinutes ?? DEFAULT_MEETING_MINUTES,
        timeZone: c.meeting.timeZone,
        reason: c.meeting.reason ?? null,
      },
    }));
  }
}

@CommandHandler(MoveMeetingCommand)
export class MoveMeetingHandler implements ICommandHandler<MoveMeetingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: MoveMeetingCommand) {
    const { date, time, durationMinutes, reason } = c.move;
    return run(
      this.store,
      c,
      { type: MeetingCalendarCommandType.MoveMeeting, data: { forumId: c.forumId, meetingId: c.meetingId, date, time, durationMinutes, reason } },
      () => new MeetingNotFound(c.meetingId),
    );
  }
}

@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler implements ICommandHandler<CancelMeetingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: CancelMeetingCommand) {
    return run(
      this.store,
      c,
      { type: MeetingCalendarCommandType.CancelMeeting, data: { forumId: c.forumId, meetingId: c.meetingId, reason: c.reason } },
      () => new MeetingNotFound(c.meetingId),
    );
  }
}

@CommandHandler(MarkMeetingHeldCommand)
export class MarkMeetingHeldHandler implements ICommandHandler<MarkMeetingHeldCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: MarkMeetingHeldCommand) {
    return run(
      this.store,
      c,
      { type: MeetingCalendarCommandType.MarkMeetingHeld, data: { forumId: c.forumId, meetingId: c.meetingId } },
      () => new MeetingNotFound(c.meetingId),
    );
  }
}

export const MEETING_COMMAND_HANDLERS = [
  SetMeetingRuleHandler,
  ScheduleMeetingsHandler,
  AddMeetingHandler,
  MoveMeetingHandler,
  CancelMeetingHandler,
  MarkMeetingHeldHandler,
];
