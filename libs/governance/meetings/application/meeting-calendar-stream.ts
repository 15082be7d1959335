import type { Decider } from '../../../event-store/index.js';
import {
  meetingCalendarDecider,
  type MeetingCalendarCommand,
  type MeetingCalendarEvent,
  type MeetingCalendarState,
} from '../../domain/meetings/index.js';

/** One calendar per forum. */
export const meetingCalendarStream = (forumId: string) => `meeting-calendar-${forumId}`;
export const MEETING_CALENDAR_STREAM_PREFIX = 'meeting-calendar-';

export const calendarDecider: Decider<MeetingCalendarCommand, MeetingCalendarEvent, MeetingCalendarState> = meetingCalendarDecider;
