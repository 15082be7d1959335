import type { MeetingCalendarCommand } from './commands.js';
import { decideMeetingCalendar } from './decide.js';
import type { MeetingCalendarEvent } from './events.js';
import { evolveMeetingCalendar } from './evolve.js';
import { initialMeetingCalendarState, type MeetingCalendarState } from './meeting-calendar-state.js';

/** The calendar's decider as one value, for the command handler and for deciderSpec. */
export const meetingCalendarDecider = {
  decide: decideMeetingCalendar,
  evolve: evolveMeetingCalendar,
  initialState: initialMeetingCalendarState,
} satisfies {
  decide(command: MeetingCalendarCommand, state: MeetingCalendarState): MeetingCalendarEvent[];
  evolve(state: MeetingCalendarState, event: MeetingCalendarEvent): MeetingCalendarState;
  initialState(): MeetingCalendarState;
};
