import { ProblemException, type ProblemMapper } from '../../../platform/index.js';
import {
  InvalidMeeting,
  InvalidMeetingTransition,
  InvalidRecurrenceRule,
  InvalidSchedulePeriod,
  MeetingAlreadyExists,
  MeetingNotFound,
  NoRecurrenceRule,
} from '../../domain/meetings/index.js';
import { MeetingCalendarNotFound } from '../application/meeting-command.handlers.js';
import { InvalidMeetingCursorError } from '../read-models/meeting-list.query.js';

/** The meeting calendar's errors as problems: unknown 404, state conflicts 409, rule violations 422 with the field. */
export const meetingProblemMapper: ProblemMapper = (error) => {
  if (error instanceof MeetingNotFound) {
    return new ProblemException({ status: 404, title: 'Meeting not found', detail: error.message, extensions: { meetingId: error.meetingId } });
  }
  if (error instanceof MeetingCalendarNotFound) {
    return new ProblemException({ status: 404, title: 'Meeting calendar not found', detail: error.message, extensions: { forumId: error.forumId } });
  }
  if (error instanceof MeetingAlreadyExists) {
    return new ProblemException({
      status: 409,
      title: 'Meeting already exists',
      detail: `${error.message}: an extra meeting is keyed by its forum, date and time.`,
      extensions: { meetingId: error.meetingId },
    });
  }
  if (error instanceof InvalidMeetingTransition) {
    return new ProblemException({
      status: 409,
      title: 'Not allowed in this status',
      detail: `A ${error.from} meeting cannot be ${error.to}.`,
      extensions: { meetingId: error.meetingId, currentStatus: error.from },
    });
  }
  if (error instanceof NoRecurrenceRule) {
    return new ProblemException({
      status: 409,
      title: 'No recurrence rule',
      detail: `${error.message}; set one with PUT /v1/forums/${error.forumId}/meeting-rule first.`,
      extensions: { forumId: error.forumId },
    });
  }
  if (error instanceof InvalidRecurrenceRule) {
    return new ProblemException({ status: 422, title: 'Invalid recurrence rule', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof InvalidSchedulePeriod) {
    return new ProblemException({ status: 422, title: 'Invalid schedule period', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof InvalidMeeting) {
    return new ProblemException({ status: 422, title: 'Invalid meeting', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof InvalidMeetingCursorError) {
    return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  }
  return undefined;
};
