import type { RecurrenceRuleInput } from './recurrence-rule.js';

/**
 * What the programme office asks of a forum's meeting calendar (one calendar per forum). Dates and times are local
 * to the calendar's time zone, as people state them; who asks, and with what right, is the application layer's concern.
 */
export const MeetingCalendarCommandType = {
  SetRecurrenceRule: 'SetRecurrenceRule',
  ScheduleMeetings: 'ScheduleMeetings',
  AddMeeting: 'AddMeeting',
  MoveMeeting: 'MoveMeeting',
  CancelMeeting: 'CancelMeeting',
  MarkMeetingHeld: 'MarkMeetingHeld',
} as const;

/** Sets or replaces the rule. Meetings already scheduled stay as they are; only later generation follows the new rule. */
export interface SetRecurrenceRule {
  readonly type: typeof MeetingCalendarCommandType.SetRecurrenceRule;
  readonly data: { readonly forumId: string; readonly rule: RecurrenceRuleInput };
}

/** Generates the rule's meetings for local dates in [from, to] ('YYYY-MM-DD', inclusive); safe to repeat. */
export interface ScheduleMeetings {
  readonly type: typeof MeetingCalendarCommandType.ScheduleMeetings;
  readonly data: { readonly forumId: string; readonly from: string; readonly to: string };
}

/** An extra meeting outside the rule. The zone defaults to the rule's zone, else Europe/Copenhagen. */
export interface AddMeeting {
  readonly type: typeof MeetingCalendarCommandType.AddMeeting;
  readonly data: {
    readonly forumId: string;
    readonly date: string;
    readonly time: string;
    readonly durationMinutes: number;
    readonly timeZone?: string;
    readonly reason?: string | null;
  };
}

/** Moves a meeting to a new local date and time in its own zone; the duration is kept unless given. */
export interface MoveMeeting {
  readonly type: typeof MeetingCalendarCommandType.MoveMeeting;
  readonly data: {
    readonly forumId: string;
    readonly meetingId: string;
    readonly date: string;
    readonly time: string;
    readonly durationMinutes?: number;
    /** Required: members and auditors must be able to see why the forum met at another time. */
    readonly reason: string;
  };
}

export interface CancelMeeting {
  readonly type: typeof MeetingCalendarCommandType.CancelMeeting;
  readonly data: { readonly forumId: string; readonly meetingId: string; readonly reason: string };
}

export interface MarkMeetingHeld {
  readonly type: typeof MeetingCalendarCommandType.MarkMeetingHeld;
  readonly data: { readonly forumId: string; readonly meetingId: string };
}

export type MeetingCalendarCommand =
  | SetRecurrenceRule
  | ScheduleMeetings
  | AddMeeting
  | MoveMeeting
  | CancelMeeting
  | MarkMeetingHeld;
