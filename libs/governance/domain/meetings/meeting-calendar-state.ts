import type { MeetingStatus } from './errors.js';
import type { RecurrenceRule } from './recurrence-rule.js';
import { parseInstant } from './zoned-time.js';

export type { MeetingStatus };

/** Generated from the rule, or added by hand. */
export type MeetingOrigin = 'recurrence' | 'extra';

export interface Meeting {
  readonly meetingId: string;
  readonly forumId: string;
  readonly origin: MeetingOrigin;
  /** The local date first planned; it keys the id and stays when the meeting is moved. */
  readonly plannedDate: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly status: MeetingStatus;
  readonly cancellationReason: string | null;
}

/** One forum's calendar. Meetings are keyed by id in a plain record, so the state serialises as JSON for snapshots. */
export interface MeetingCalendarState {
  readonly forumId: string | null;
  readonly rule: RecurrenceRule | null;
  readonly meetings: Readonly<Record<string, Meeting>>;
}

export function initialMeetingCalendarState(): MeetingCalendarState {
  return { forumId: null, rule: null, meetings: {} };
}

/** Own keys only: a meeting id such as 'constructor' must not find Object.prototype. */
export function findMeeting(state: MeetingCalendarState, meetingId: string): Meeting | null {
  return Object.hasOwn(state.meetings, meetingId) ? state.meetings[meetingId] : null;
}

/** Meetings still to come: scheduled (neither cancelled nor held) and starting at or after `now`, soonest first. */
export function upcomingMeetings(state: MeetingCalendarState, now: Date): Meeting[] {
  const nowMs = now.getTime();
  return Object.values(state.meetings)
    .map((meeting) => ({ meeting, startMs: parseInstant(meeting.startsAt) ?? Number.NaN }))
    .filter(({ meeting, startMs }) => meeting.status === 'scheduled' && startMs >= nowMs)
    .sort((a, b) => a.startMs - b.startMs || (a.meeting.meetingId < b.meeting.meetingId ? -1 : 1))
    .map(({ meeting }) => meeting);
}
