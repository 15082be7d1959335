import type { RecordedEvent } from '../../../event-store/index.js';
import { DocumentProjection } from '../../../projections/index.js';
import {
  MeetingCalendarEventType,
  type MeetingAddedData,
  type MeetingCancelledData,
  type MeetingMovedData,
  type MeetingScheduledData,
} from '../../domain/meetings/index.js';
import { MEETING_CALENDAR_STREAM_PREFIX } from '../application/meeting-calendar-stream.js';
import { organisationOf } from '../application/organisation-scope.js';
import { MeetingRow } from './meeting.entity.js';

const MEETING_EVENTS = [
  MeetingCalendarEventType.MeetingScheduled,
  MeetingCalendarEventType.MeetingAdded,
  MeetingCalendarEventType.MeetingMoved,
  MeetingCalendarEventType.MeetingCancelled,
  MeetingCalendarEventType.MeetingHeld,
];

/** Builds `meetings` from the forums' calendar streams. */
export class MeetingsProjection extends DocumentProjection<MeetingRow> {
  readonly name = 'meetings';
  readonly version = 1;
  readonly handles = MEETING_EVENTS;
  readonly tables = ['meetings'];
  protected readonly entity = MeetingRow;
  protected readonly key = 'meetingId';

  protected keyOf(event: RecordedEvent): string | null {
    if (!event.streamId.startsWith(MEETING_CALENDAR_STREAM_PREFIX)) return null;
    return (event.data as { meetingId?: string }).meetingId ?? null;
  }

  protected evolve(current: MeetingRow | null, event: RecordedEvent): MeetingRow | null {
    const version = { calendarVersion: event.streamPosition, updatedAt: event.recordedAt };
    switch (event.type) {
      case MeetingCalendarEventType.MeetingScheduled:
      case MeetingCalendarEventType.MeetingAdded: {
        const d = event.data as MeetingScheduledData | MeetingAddedData;
        return {
          meetingId: d.meetingId,
          forumId: d.forumId,
          organisationId: organisationOf(event) ?? '',
          origin: event.type === MeetingCalendarEventType.MeetingScheduled ? 'recurrence' : 'extra',
          plannedDate: d.plannedDate,
          ...slot(d.startsAt, d.endsAt),
          timeZone: d.timeZone,
          status: 'scheduled',
          cancellationReason: null,
          moveReason: null,
          ...version,
        };
      }
      case MeetingCalendarEventType.MeetingMoved: {
        const d = event.data as MeetingMovedData;
        return current && { ...current, ...slot(d.startsAt, d.endsAt), moveReason: d.reason, ...version };
      }
      case MeetingCalendarEventType.MeetingCancelled:
        return current && { ...current, status: 'cancelled', cancellationReason: (event.data as MeetingCancelledData).reason, ...version };
      case MeetingCalendarEventType.MeetingHeld:
        return current && { ...current, status: 'held', ...version };
      default:
        return current;
    }
  }
}

function slot(startsAt: string, endsAt: string): Pick<MeetingRow, 'startsAt' | 'startsAtLocal' | 'endsAtLocal' | 'localDate'> {
  return { startsAt: new Date(startsAt), startsAtLocal: startsAt, endsAtLocal: endsAt, localDate: startsAt.slice(0, 10) };
}
