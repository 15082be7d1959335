import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import { MeetingCalendarCommandType, type AddMeeting } from './commands.js';
import { meetingCalendarDecider } from './decider.js';
import {
  InconsistentMeetingCalendarHistory,
  InvalidMeeting,
  InvalidMeetingTransition,
  InvalidRecurrenceRule,
  InvalidSchedulePeriod,
  MeetingAlreadyExists,
  MeetingNotFound,
  NoRecurrenceRule,
} from './errors.js';
import { MeetingCalendarEventType, type MeetingAdded } from './events.js';
import { evolveMeetingCalendar } from './evolve.js';
import { findMeeting, initialMeetingCalendarState, upcomingMeetings } from './meeting-calendar-state.js';
import { extraMeetingIdFor, meetingIdFor } from './meeting-id.js';
import {
  cancelMeeting,
  HERNING_MONTHLY,
  HERNING_STEERING_GROUP as FORUM,
  markHeld,
  meetingCancelled,
  meetingHeld,
  meetingScheduled,
  moveMeeting,
  ruleSet,
  scheduleMeetings,
  setRule,
} from './testing-fixtures.js';

const given = deciderSpec(meetingCalendarDecider);
const MARCH = meetingIdFor(FORUM, '2025-03-06');

/** Herning's 2025 meetings: first Thursdays except July, summer time from April to October. */
const HERNING_2025 = [
  meetingScheduled('2025-01-02'),
  meetingScheduled('2025-02-06'),
  meetingScheduled('2025-03-06'),
  meetingScheduled('2025-04-03', '+02:00'),
  meetingScheduled('2025-05-01', '+02:00'),
  meetingScheduled('2025-06-05', '+02:00'),
  meetingScheduled('2025-08-07', '+02:00'),
  meetingScheduled('2025-09-04', '+02:00'),
  meetingScheduled('2025-10-02', '+02:00'),
  meetingScheduled('2025-11-06'),
  meetingScheduled('2025-12-04'),
];

function addMeeting(overrides: Partial<AddMeeting['data']> = {}): AddMeeting {
  return {
    type: MeetingCalendarCommandType.AddMeeting,
    data: { forumId: FORUM, date: '2025-07-10', time: '10:00', durationMinutes: 60, reason: 'Budget deadline', ...overrides },
  };
}

function extraMeetingAdded(): MeetingAdded {
  return {
    type: MeetingCalendarEventType.MeetingAdded,
    data: {
      forumId: FORUM,
      meetingId: extraMeetingIdFor(FORUM, '2025-07-10', '10:00'),
      plannedDate: '2025-07-10',
      startsAt: '2025-07-10T10:00:00+02:00',
      endsAt: '2025-07-10T11:00:00+02:00',
      timeZone: 'Europe/Copenhagen',
      reason: 'Budget deadline',
    },
  };
}

describe('SetRecurrenceRule', () => {
  it('records the complete rule, defaults filled in', () => {
    const state = given([]).when(setRule()).then([ruleSet()]);
    expect(state).toMatchObject({ forumId: FORUM, rule: { timeZone: 'Europe/Copenhagen', exceptMonths: [7], endDate: null } });
  });

  it('records nothing when the rule is unchanged, and a changed rule when it is not', () => {
    given([ruleSet()]).when(setRule()).then([]);
    const fortnightLater = { ...HERNING_MONTHLY, dayRule: { kind: 'nth_weekday', n: 3, weekday: 4 } } as const;
    given([ruleSet()]).when(setRule(fortnightLater)).then([ruleSet(fortnightLater)]);
  });

  it('refuses an invalid rule', () => {
    given([]).when(setRule({ ...HERNING_MONTHLY, time: '25:00' })).then(new InvalidRecurrenceRule('time', 'must be a 24-hour time HH:MM'));
  });
});

describe('ScheduleMeetings', () => {
  it('schedules the rule’s meetings for the period, each with an id derived from forum and date', () => {
    const state = given([ruleSet()]).when(scheduleMeetings('2025-01-01', '2025-12-31')).then(HERNING_2025);
    expect(Object.keys(state.meetings)).toHaveLength(11);
    expect(findMeeting(state, MARCH)).toMatchObject({ origin: 'recurrence', status: 'scheduled', plannedDate: '2025-03-06' });
  });

  it('is idempotent: a period already scheduled adds nothing, an overlapping one only the new months', () => {
    given([ruleSet(), ...HERNING_2025]).when(scheduleMeetings('2025-01-01', '2025-12-31')).then([]);
    given([ruleSet(), ...HERNING_2025])
      .when(scheduleMeetings('2025-10-01', '2026-02-28'))
      .then([meetingScheduled('2026-01-01'), meetingScheduled('2026-02-05')]);
  });

  it('does not revive a cancelled meeting', () => {
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingCancelled(MARCH)]).when(scheduleMeetings('2025-03-01', '2025-03-31')).then([]);
  });

  it('after a rule change, fills only months not yet planned', () => {
    const thirdThursday = { ...HERNING_MONTHLY, dayRule: { kind: 'nth_weekday', n: 3, weekday: 4 } } as const;
    const april = meetingIdFor(FORUM, '2025-04-17');
    given([ruleSet(), meetingScheduled('2025-03-06'), ruleSet(thirdThursday)])
      .when(scheduleMeetings('2025-03-01', '2025-04-30'))
      .then([
        {
          type: MeetingCalendarEventType.MeetingScheduled,
          data: {
            forumId: FORUM,
            meetingId: april,
            plannedDate: '2025-04-17',
            startsAt: '2025-04-17T14:00:00+02:00',
            endsAt: '2025-04-17T16:00:00+02:00',
            timeZone: 'Europe/Copenhagen',
          },
        },
      ]);
  });

  it('needs a rule, a valid period, and one shorter than five years', () => {
    given([]).when(scheduleMeetings('2025-01-01', '2025-12-31')).then(new NoRecurrenceRule(FORUM));
    given([ruleSet()]).when(scheduleMeetings('2025-12-31', '2025-01-01')).then(new InvalidSchedulePeriod('to', 'must not be before from'));
    given([ruleSet()]).when(scheduleMeetings('2025-01-01', '2030-01-01')).then(new InvalidSchedulePeriod('to', 'the period must be shorter than 5 years'));
  });
});

describe('AddMeeting', () => {
  it('adds an extra meeting in the rule’s zone', () => {
    const state = given([ruleSet()]).when(addMeeting()).then([extraMeetingAdded()]);
    expect(findMeeting(state, extraMeetingAdded().data.meetingId)).toMatchObject({ origin: 'extra', status: 'scheduled' });
  });

  it('adds a meeting to a calendar with no rule, in Copenhagen time unless told otherwise', () => {
    const [event] = meetingCalendarDecider.decide(addMeeting({ timeZone: 'America/New_York' }), initialMeetingCalendarState());
    expect(event.data).toMatchObject({ startsAt: '2025-07-10T10:00:00-04:00', timeZone: 'America/New_York' });
    given([]).when(addMeeting()).then([extraMeetingAdded()]);
  });

  it('refuses the same extra meeting twice', () => {
    given([ruleSet(), extraMeetingAdded()]).when(addMeeting()).then(new MeetingAlreadyExists(extraMeetingAdded().data.meetingId));
  });

  it.each<[string, Partial<AddMeeting['data']>, InvalidMeeting]>([
    ['a date that does not exist', { date: '2025-02-30' }, new InvalidMeeting('date', 'must be a date YYYY-MM-DD that exists')],
    ['a malformed time', { time: '10.00' }, new InvalidMeeting('time', 'must be a 24-hour time HH:MM')],
    ['no duration', { durationMinutes: 0 }, new InvalidMeeting('durationMinutes', 'must be a whole number of minutes from 1 to 1440')],
    ['an unknown zone', { timeZone: 'Jutland/Herning' }, new InvalidMeeting('timeZone', 'must be an IANA time zone')],
  ])('refuses %s', (_, overrides, error) => {
    given([ruleSet()]).when(addMeeting(overrides)).then(error);
  });
});

describe('MoveMeeting', () => {
  it('records the old and new times and the reason, keeping the duration and using the new date’s offset', () => {
    const state = given([ruleSet(), meetingScheduled('2025-03-06')])
      .when(moveMeeting(MARCH, '2025-04-01', '09:30'))
      .then([
        {
          type: MeetingCalendarEventType.MeetingMoved,
          data: {
            forumId: FORUM,
            meetingId: MARCH,
            previousStartsAt: '2025-03-06T14:00:00+01:00',
            previousEndsAt: '2025-03-06T16:00:00+01:00',
            startsAt: '2025-04-01T09:30:00+02:00',
            endsAt: '2025-04-01T11:30:00+02:00',
            reason: 'The chair is away',
          },
        },
      ]);
    expect(findMeeting(state, MARCH)).toMatchObject({ plannedDate: '2025-03-06', startsAt: '2025-04-01T09:30:00+02:00' });
  });

  it('records nothing when the meeting already stands at that time', () => {
    given([ruleSet(), meetingScheduled('2025-03-06')]).when(moveMeeting(MARCH, '2025-03-06', '14:00')).then([]);
  });

  it('refuses an unknown, cancelled or held meeting, and a move without a reason', () => {
    given([ruleSet()]).when(moveMeeting(MARCH, '2025-03-07', '14:00')).then(new MeetingNotFound(MARCH));
    given([ruleSet()]).when(moveMeeting('constructor', '2025-03-07', '14:00')).then(new MeetingNotFound('constructor'));
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingCancelled(MARCH)])
      .when(moveMeeting(MARCH, '2025-03-07', '14:00'))
      .then(new InvalidMeetingTransition(MARCH, 'cancelled', 'moved'));
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingHeld(MARCH)])
      .when(moveMeeting(MARCH, '2025-03-07', '14:00'))
      .then(new InvalidMeetingTransition(MARCH, 'held', 'moved'));
    given([ruleSet(), meetingScheduled('2025-03-06')])
      .when(moveMeeting(MARCH, '2025-03-07', '14:00', ' '))
      .then(new InvalidMeeting('reason', 'must state a reason'));
  });
});

describe('CancelMeeting', () => {
  it('records the cancellation and its reason', () => {
    const state = given([ruleSet(), meetingScheduled('2025-03-06')]).when(cancelMeeting(MARCH)).then([meetingCancelled(MARCH)]);
    expect(findMeeting(state, MARCH)).toMatchObject({ status: 'cancelled', cancellationReason: 'Nothing to decide' });
  });

  it('refuses a cancelled or held meeting, an unknown one, and a cancellation without a reason', () => {
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingCancelled(MARCH)])
      .when(cancelMeeting(MARCH))
      .then(new InvalidMeetingTransition(MARCH, 'cancelled', 'cancelled'));
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingHeld(MARCH)])
      .when(cancelMeeting(MARCH))
      .then(new InvalidMeetingTransition(MARCH, 'held', 'cancelled'));
    given([ruleSet()]).when(cancelMeeting(MARCH)).then(new MeetingNotFound(MARCH));
    given([ruleSet(), meetingScheduled('2025-03-06')]).when(cancelMeeting(MARCH, '')).then(new InvalidMeeting('reason', 'must state a reason'));
  });
});

describe('MarkMeetingHeld', () => {
  it('records that the meeting was held, once', () => {
    const state = given([ruleSet(), meetingScheduled('2025-03-06')]).when(markHeld(MARCH)).then([meetingHeld(MARCH)]);
    expect(findMeeting(state, MARCH)?.status).toBe('held');
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingHeld(MARCH)])
      .when(markHeld(MARCH))
      .then(new InvalidMeetingTransition(MARCH, 'held', 'held'));
    given([ruleSet(), meetingScheduled('2025-03-06'), meetingCancelled(MARCH)])
      .when(markHeld(MARCH))
      .then(new InvalidMeetingTransition(MARCH, 'cancelled', 'held'));
  });
});

describe('upcomingMeetings', () => {
  it('lists the scheduled meetings from now on, soonest first, with moves and extra meetings in place', () => {
    const history = [
      ruleSet(),
      ...HERNING_2025,
      meetingHeld(meetingIdFor(FORUM, '2025-04-03')),
      meetingCancelled(meetingIdFor(FORUM, '2025-06-05')),
      extraMeetingAdded(),
    ];
    let state = history.reduce(evolveMeetingCalendar, initialMeetingCalendarState());
    const [moved] = meetingCalendarDecider.decide(moveMeeting(meetingIdFor(FORUM, '2025-08-07'), '2025-07-01', '13:00'), state);
    state = evolveMeetingCalendar(state, moved);

    const upcoming = upcomingMeetings(state, new Date('2025-05-01T12:00:01Z'));
    expect(upcoming.map((meeting) => meeting.startsAt)).toEqual([
      '2025-07-01T13:00:00+02:00',
      '2025-07-10T10:00:00+02:00',
      '2025-09-04T14:00:00+02:00',
      '2025-10-02T14:00:00+02:00',
      '2025-11-06T14:00:00+01:00',
      '2025-12-04T14:00:00+01:00',
    ]);
    expect(upcomingMeetings(state, new Date('2025-05-01T12:00:00Z'))[0].plannedDate).toBe('2025-05-01');
  });
});

describe('evolveMeetingCalendar', () => {
  it('refuses a history that acts on a meeting never scheduled', () => {
    expect(() => evolveMeetingCalendar(initialMeetingCalendarState(), meetingCancelled(MARCH))).toThrow(InconsistentMeetingCalendarHistory);
  });
});
