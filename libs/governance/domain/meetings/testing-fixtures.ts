/** Builders for the meetings domain's tests. Not part of the public API. */
import {
  MeetingCalendarCommandType,
  type CancelMeeting,
  type MarkMeetingHeld,
  type MoveMeeting,
  type ScheduleMeetings,
  type SetRecurrenceRule,
} from './commands.js';
import {
  MeetingCalendarEventType,
  type MeetingCancelled,
  type MeetingHeld,
  type MeetingScheduled,
  type RecurrenceRuleSet,
} from './events.js';
import { meetingIdFor } from './meeting-id.js';
import { normaliseRecurrenceRule, type RecurrenceRuleInput } from './recurrence-rule.js';

export const HERNING_STEERING_GROUP = 'herning-steering-group';

/** Herning's steering group: monthly except July, first Thursday at 14:00 for two hours. */
export const HERNING_MONTHLY: RecurrenceRuleInput = {
  frequency: 'monthly',
  dayRule: { kind: 'nth_weekday', n: 1, weekday: 4 },
  time: '14:00',
  durationMinutes: 120,
  exceptMonths: [7],
  startDate: '2025-01-01',
};

/** RISO's directors: quarterly, last Tuesday of March, June, September and December at 09:00. */
export const RISO_QUARTERLY: RecurrenceRuleInput = {
  frequency: 'quarterly',
  dayRule: { kind: 'nth_weekday', n: -1, weekday: 2 },
  time: '09:00',
  durationMinutes: 90,
  quarterMonths: [3, 6, 9, 12],
  startDate: '2025-01-01',
};

export function setRule(rule: RecurrenceRuleInput = HERNING_MONTHLY): SetRecurrenceRule {
  return { type: MeetingCalendarCommandType.SetRecurrenceRule, data: { forumId: HERNING_STEERING_GROUP, rule } };
}

export function ruleSet(rule: RecurrenceRuleInput = HERNING_MONTHLY): RecurrenceRuleSet {
  return {
    type: MeetingCalendarEventType.RecurrenceRuleSet,
    data: { forumId: HERNING_STEERING_GROUP, rule: normaliseRecurrenceRule(rule) },
  };
}

export function scheduleMeetings(from: string, to: string): ScheduleMeetings {
  return { type: MeetingCalendarCommandType.ScheduleMeetings, data: { forumId: HERNING_STEERING_GROUP, from, to } };
}

/** A meeting of the Herning rule on `date` at 14:00 for two hours, with the offset given. */
export function meetingScheduled(date: string, offset = '+01:00'): MeetingScheduled {
  return {
    type: MeetingCalendarEventType.MeetingScheduled,
    data: {
      forumId: HERNING_STEERING_GROUP,
      meetingId: meetingIdFor(HERNING_STEERING_GROUP, date),
      plannedDate: date,
      startsAt: `${date}T14:00:00${offset}`,
      endsAt: `${date}T16:00:00${offset}`,
      timeZone: 'Europe/Copenhagen',
    },
  };
}

export function moveMeeting(meetingId: string, date: string, time: string, reason = 'The chair is away'): MoveMeeting {
  return { type: MeetingCalendarCommandType.MoveMeeting, data: { forumId: HERNING_STEERING_GROUP, meetingId, date, time, reason } };
}

export function cancelMeeting(meetingId: string, reason = 'Nothing to decide'): CancelMeeting {
  return { type: MeetingCalendarCommandType.CancelMeeting, data: { forumId: HERNING_STEERING_GROUP, meetingId, reason } };
}

export function markHeld(meetingId: string): MarkMeetingHeld {
  return { type: MeetingCalendarCommandType.MarkMeetingHeld, data: { forumId: HERNING_STEERING_GROUP, meetingId } };
}

export function meetingCancelled(meetingId: string, reason = 'Nothing to decide'): MeetingCancelled {
  return { type: MeetingCalendarEventType.MeetingCancelled, data: { forumId: HERNING_STEERING_GROUP, meetingId, reason } };
}

export function meetingHeld(meetingId: string): MeetingHeld {
  return { type: MeetingCalendarEventType.MeetingHeld, data: { forumId: HERNING_STEERING_GROUP, meetingId } };
}
