import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { MeetingCalendarEvent, MeetingCalendarState, RecurrenceRuleInput } from '../../domain/meetings/index.js';

/** What every calendar command answers: the calendar after it, its stream version, and where its events sit in the log. */
export interface MeetingCalendarResult {
  readonly forumId: string;
  readonly state: MeetingCalendarState;
  readonly version: number;
  /** Null when nothing was written (a rule set again unchanged, a period already scheduled). */
  readonly position: LogPosition | null;
  readonly decided: readonly MeetingCalendarEvent[];
}

/** Common to every calendar command: which calendar, for which organisation, guarded by which version. */
abstract class CalendarCommand extends Command<MeetingCalendarResult> {
  constructor(
    readonly forumId: string,
    /** The acting organisation: another organisation's calendar is not found. */
    readonly organisationId: string,
    /** The If-Match version; undefined to guard the write with the version just read. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class SetMeetingRuleCommand extends CalendarCommand {
  constructor(forumId: string, organisationId: string, readonly rule: RecurrenceRuleInput, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}

export class ScheduleMeetingsCommand extends CalendarCommand {
  constructor(forumId: string, organisationId: string, readonly from: string, readonly to: string, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}

export interface ExtraMeetingInput {
  readonly date: string;
  readonly time: string;
  /** Defaults to the rule's duration, else DEFAULT_MEETING_MINUTES. */
  readonly durationMinutes?: number;
  readonly timeZone?: string;
  readonly reason?: string | null;
}

/** A meeting without a rule lasts this long unless stated. */
export const DEFAULT_MEETING_MINUTES = 120;

export class AddMeetingCommand extends CalendarCommand {
  constructor(forumId: string, organisationId: string, readonly meeting: ExtraMeetingInput, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}

export interface MoveMeetingInput {
  readonly date: string;
  readonly time: string;
  readonly durationMinutes?: number;
  readonly reason: string;
}

export class MoveMeetingCommand extends CalendarCommand {
  constructor(
    forumId: string,
    readonly meetingId: string,
    organisationId: string,
    readonly move: MoveMeetingInput,
    expectedVersion: number | undefined,
    metadata: EventMetadata,
  ) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}

export class CancelMeetingCommand extends CalendarCommand {
  constructor(
    forumId: string,
    readonly meetingId: string,
    organisationId: string,
    readonly reason: string,
    expectedVersion: number | undefined,
    metadata: EventMetadata,
  ) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}

export class MarkMeetingHeldCommand extends CalendarCommand {
  constructor(forumId: string, readonly meetingId: string, organisationId: string, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(forumId, organisationId, expectedVersion, metadata);
  }
}
