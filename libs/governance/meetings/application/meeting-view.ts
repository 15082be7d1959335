import type { Meeting, MeetingCalendarState, RecurrenceRule } from '../../domain/meetings/index.js';

/** A meeting as the API shows it. Times are ISO 8601 with the offset of the meeting's zone on that day. */
export interface MeetingView {
  readonly meetingId: string;
  readonly forumId: string;
  /** `recurrence`: generated from the forum's rule; `extra`: added by hand. */
  readonly origin: Meeting['origin'];
  readonly plannedDate: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly status: Meeting['status'];
  readonly cancellationReason: string | null;
}

export function toMeetingView(meeting: Meeting): MeetingView {
  return {
    meetingId: meeting.meetingId,
    forumId: meeting.forumId,
    origin: meeting.origin,
    plannedDate: meeting.plannedDate,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    timeZone: meeting.timeZone,
    status: meeting.status,
    cancellationReason: meeting.cancellationReason,
  };
}

/** The calendar's rule as the API shows it. */
export interface MeetingRuleView {
  readonly forumId: string;
  readonly rule: RecurrenceRule | null;
}

export function toMeetingRuleView(forumId: string, state: MeetingCalendarState): MeetingRuleView {
  return { forumId, rule: state.rule };
}

/** Meetings soonest first, ties by id: the order every answer lists meetings in. */
export function byStart(a: Meeting, b: Meeting): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0);
}
