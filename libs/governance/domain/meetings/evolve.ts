import { InconsistentMeetingCalendarHistory } from './errors.js';
import { MeetingCalendarEventType, type MeetingCalendarEvent } from './events.js';
import { findMeeting, type Meeting, type MeetingCalendarState } from './meeting-calendar-state.js';

/** Folds one recorded fact into the calendar. Events are facts: nothing is re-validated, times are taken as recorded. */
export function evolveMeetingCalendar(state: MeetingCalendarState, event: MeetingCalendarEvent): MeetingCalendarState {
  const forumId = state.forumId ?? event.data.forumId;
  switch (event.type) {
    case MeetingCalendarEventType.RecurrenceRuleSet:
      return { ...state, forumId, rule: event.data.rule };
    case MeetingCalendarEventType.MeetingScheduled:
    case MeetingCalendarEventType.MeetingAdded: {
      const { meetingId, plannedDate, startsAt, endsAt, timeZone } = event.data;
      if (findMeeting(state, meetingId)) throw new InconsistentMeetingCalendarHistory(event.type, `meeting ${meetingId} exists`);
      const origin = event.type === MeetingCalendarEventType.MeetingScheduled ? 'recurrence' : 'extra';
      const meeting: Meeting = {
        meetingId,
        forumId: event.data.forumId,
        origin,
        plannedDate,
        startsAt,
        endsAt,
        timeZone,
        status: 'scheduled',
        cancellationReason: null,
      };
      return { ...state, forumId, meetings: { ...state.meetings, [meetingId]: meeting } };
    }
    case MeetingCalendarEventType.MeetingMoved:
      return update(state, event, { startsAt: event.data.startsAt, endsAt: event.data.endsAt });
    case MeetingCalendarEventType.MeetingCancelled:
      return update(state, event, { status: 'cancelled', cancellationReason: event.data.reason });
    case MeetingCalendarEventType.MeetingHeld:
      return update(state, event, { status: 'held' });
  }
}

function update(
  state: MeetingCalendarState,
  event: MeetingCalendarEvent & { data: { meetingId: string } },
  changes: Partial<Meeting>,
): MeetingCalendarState {
  const meeting = findMeeting(state, event.data.meetingId);
  if (meeting === null) throw new InconsistentMeetingCalendarHistory(event.type, `meeting ${event.data.meetingId} does not exist`);
  return { ...state, meetings: { ...state.meetings, [meeting.meetingId]: { ...meeting, ...changes } } };
}
