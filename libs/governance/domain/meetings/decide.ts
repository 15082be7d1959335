import {
  MeetingCalendarCommandType,
  type AddMeeting,
  type CancelMeeting,
  type MarkMeetingHeld,
  type MeetingCalendarCommand,
  type MoveMeeting,
  type ScheduleMeetings,
  type SetRecurrenceRule,
} from './commands.js';
import {
  InvalidMeeting,
  InvalidMeetingTransition,
  InvalidSchedulePeriod,
  MeetingAlreadyExists,
  MeetingNotFound,
  NoRecurrenceRule,
} from './errors.js';
import { MeetingCalendarEventType, type MeetingCalendarEvent } from './events.js';
import { formatLocalDate, parseLocalDate } from './local-date.js';
import { findMeeting, type Meeting, type MeetingCalendarState } from './meeting-calendar-state.js';
import { extraMeetingIdFor, meetingIdFor } from './meeting-id.js';
import { planSlot } from './meeting-slot.js';
import { generateOccurrences } from './recurrence.js';
import { DEFAULT_TIME_ZONE, normaliseRecurrenceRule, sameRecurrenceRule } from './recurrence-rule.js';
import { canonicalTimeZone } from './zoned-time.js';

/** A longer period would record hundreds of meetings in one go; the office schedules a year or two ahead. */
export const MAX_SCHEDULE_YEARS = 5;

/**
 * The rules of a forum's meeting calendar: a recurrence rule generates meetings; meetings can be added, moved,
 * cancelled and marked held; a cancelled or held meeting is history. Returns the events to record or throws a DomainError.
 */
export function decideMeetingCalendar(command: MeetingCalendarCommand, state: MeetingCalendarState): MeetingCalendarEvent[] {
  switch (command.type) {
    case MeetingCalendarCommandType.SetRecurrenceRule:
      return setRecurrenceRule(command, state);
    case MeetingCalendarCommandType.ScheduleMeetings:
      return scheduleMeetings(command, state);
    case MeetingCalendarCommandType.AddMeeting:
      return addMeeting(command, state);
    case MeetingCalendarCommandType.MoveMeeting:
      return moveMeeting(command, state);
    case MeetingCalendarCommandType.CancelMeeting:
      return cancelMeeting(command, state);
    case MeetingCalendarCommandType.MarkMeetingHeld:
      return markHeld(command, state);
  }
}

function setRecurrenceRule({ data }: SetRecurrenceRule, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const rule = normaliseRecurrenceRule(data.rule);
  if (state.rule !== null && sameRecurrenceRule(state.rule, rule)) return [];
  return [{ type: MeetingCalendarEventType.RecurrenceRuleSet, data: { forumId: data.forumId, rule } }];
}

/**
 * Idempotent: a month that already has a meeting from the rule (scheduled, moved, cancelled or held) is skipped, so
 * repeating a period adds nothing, a cancelled meeting is not revived, and a changed rule only fills months not yet
 * planned (meetings already planned are moved by hand).
 */
function scheduleMeetings({ data }: ScheduleMeetings, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const { rule } = state;
  if (rule === null) throw new NoRecurrenceRule(data.forumId);
  const from = parseLocalDate(data.from);
  if (from && data.to >= formatLocalDate({ ...from, year: from.year + MAX_SCHEDULE_YEARS })) {
    throw new InvalidSchedulePeriod('to', `the period must be shorter than ${MAX_SCHEDULE_YEARS} years`);
  }
  const occurrences = generateOccurrences(rule, data.from, data.to);
  const plannedMonths = new Set(
    Object.values(state.meetings)
      .filter((meeting) => meeting.origin === 'recurrence')
      .map((meeting) => meeting.plannedDate.slice(0, 7)),
  );
  return occurrences
    .filter((occurrence) => !plannedMonths.has(occurrence.date.slice(0, 7)))
    .map(({ date, startsAt, endsAt }) => ({
      type: MeetingCalendarEventType.MeetingScheduled,
      data: {
        forumId: data.forumId,
        meetingId: meetingIdFor(data.forumId, date),
        plannedDate: date,
        startsAt,
        endsAt,
        timeZone: rule.timeZone,
      },
    }));
}

function addMeeting({ data }: AddMeeting, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const timeZone = canonicalTimeZone(data.timeZone ?? state.rule?.timeZone ?? DEFAULT_TIME_ZONE);
  if (timeZone === null) throw new InvalidMeeting('timeZone', 'must be an IANA time zone');
  const { startsAt, endsAt } = planSlot(data.date, data.time, data.durationMinutes, timeZone);
  const meetingId = extraMeetingIdFor(data.forumId, data.date, data.time);
  if (findMeeting(state, meetingId)) throw new MeetingAlreadyExists(meetingId);
  const reason = data.reason != null && data.reason.trim() !== '' ? data.reason : null;
  return [
    {
      type: MeetingCalendarEventType.MeetingAdded,
      data: { forumId: data.forumId, meetingId, plannedDate: data.date, startsAt, endsAt, timeZone, reason },
    },
  ];
}

function moveMeeting({ data }: MoveMeeting, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const meeting = scheduled(state, data.meetingId, 'moved');
  requireReason(data.reason);
  const duration = data.durationMinutes ?? (Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000;
  const { startsAt, endsAt } = planSlot(data.date, data.time, duration, meeting.timeZone);
  if (startsAt === meeting.startsAt && endsAt === meeting.endsAt) return [];
  return [
    {
      type: MeetingCalendarEventType.MeetingMoved,
      data: {
        forumId: data.forumId,
        meetingId: meeting.meetingId,
        previousStartsAt: meeting.startsAt,
        previousEndsAt: meeting.endsAt,
        startsAt,
        endsAt,
        reason: data.reason,
      },
    },
  ];
}

function cancelMeeting({ data }: CancelMeeting, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const meeting = scheduled(state, data.meetingId, 'cancelled');
  requireReason(data.reason);
  return [
    {
      type: MeetingCalendarEventType.MeetingCancelled,
      data: { forumId: data.forumId, meetingId: meeting.meetingId, reason: data.reason },
    },
  ];
}

function markHeld({ data }: MarkMeetingHeld, state: MeetingCalendarState): MeetingCalendarEvent[] {
  const meeting = scheduled(state, data.meetingId, 'held');
  return [{ type: MeetingCalendarEventType.MeetingHeld, data: { forumId: data.forumId, meetingId: meeting.meetingId } }];
}

/** The meeting, if it exists and is still to be held; `to` names the refused transition. */
function scheduled(state: MeetingCalendarState, meetingId: string, to: 'moved' | 'cancelled' | 'held'): Meeting {
  const meeting = findMeeting(state, meetingId);
  if (meeting === null) throw new MeetingNotFound(meetingId);
  if (meeting.status !== 'scheduled') throw new InvalidMeetingTransition(meetingId, meeting.status, to);
  return meeting;
}

function requireReason(reason: string): void {
  if (typeof reason !== 'string' || reason.trim() === '') throw new InvalidMeeting('reason', 'must state a reason');
}
