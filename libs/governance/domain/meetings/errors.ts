import { DomainError } from '../../../shared-kernel/domain-error.js';

export type MeetingStatus = 'scheduled' | 'cancelled' | 'held';

/** A recurrence rule breaks a rule of its own (an unknown time zone, a 5th Tuesday, a quarter with 3 months). */
export class InvalidRecurrenceRule extends DomainError {
  override readonly code = 'invalid_recurrence_rule';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`recurrence rule ${field}: ${reason}`);
    this.name = 'InvalidRecurrenceRule';
  }
}

/** The period to generate meetings for is not a pair of dates, is reversed, or is too long to schedule at once. */
export class InvalidSchedulePeriod extends DomainError {
  override readonly code = 'invalid_schedule_period';

  constructor(
    readonly field: 'from' | 'to',
    readonly reason: string,
  ) {
    super(`schedule period ${field}: ${reason}`);
    this.name = 'InvalidSchedulePeriod';
  }
}

/** A field of a meeting command is invalid (a blank reason, a date that does not exist). */
export class InvalidMeeting extends DomainError {
  override readonly code = 'invalid_meeting';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidMeeting';
  }
}

export class MeetingNotFound extends DomainError {
  override readonly code = 'meeting_not_found';

  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} does not exist`);
    this.name = 'MeetingNotFound';
  }
}

/** The meeting's id is taken: ids derive from the planned slot, so this is the same meeting added twice. */
export class MeetingAlreadyExists extends DomainError {
  override readonly code = 'meeting_already_exists';

  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} already exists`);
    this.name = 'MeetingAlreadyExists';
  }
}

/** A cancelled or held meeting is history: it cannot be moved, cancelled or held again. */
export class InvalidMeetingTransition extends DomainError {
  override readonly code = 'invalid_meeting_transition';

  constructor(
    readonly meetingId: string,
    readonly from: MeetingStatus,
    readonly to: 'moved' | 'cancelled' | 'held',
  ) {
    super(`meeting ${meetingId} is ${from} and cannot be ${to}`);
    this.name = 'InvalidMeetingTransition';
  }
}

/** Meetings can only be generated once the forum has a recurrence rule. */
export class NoRecurrenceRule extends DomainError {
  override readonly code = 'no_recurrence_rule';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} has no recurrence rule to schedule meetings from`);
    this.name = 'NoRecurrenceRule';
  }
}

/** The stored history cannot be replayed (e.g. a meeting moved before it was scheduled): a defect, not a user error. */
export class InconsistentMeetingCalendarHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentMeetingCalendarHistory';
  }
}
