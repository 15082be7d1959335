import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, loadAggregate, type EventStore, type LoadedAggregate } from '../../../event-store/index.js';
import { PLATFORM_CONFIG, type PlatformConfig } from '../../../platform/index.js';
import { ProjectionRuntime } from '../../../projections/index.js';
import { findMeeting, MeetingNotFound, type Meeting, type MeetingCalendarState } from '../../domain/meetings/index.js';
import { MeetingRow } from '../read-models/meeting.entity.js';
import { calendarDecider, meetingCalendarStream } from './meeting-calendar-stream.js';
import { organisationOf } from './organisation-scope.js';

export const MEETINGS_VIEW = 'meetings';

export interface LocatedMeeting {
  readonly forumId: string;
  readonly meeting: Meeting;
  /** The forum's calendar, read from its stream just now. */
  readonly calendar: LoadedAggregate<MeetingCalendarState>;
}

/**
 * Finds a meeting by its id alone. Meeting ids are name-based UUIDs of (forum, date), which cannot be reversed, so
 * the `meetings` read model says which forum's calendar holds the meeting; the calendar stream then answers with
 * the meeting as it stands now, and its owner decides whether the acting organisation may see it. A meeting not
 * yet in the read model (just scheduled) is looked up again once the read model has caught up with the log.
 */
@Injectable()
export class MeetingLocator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRuntime,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async locate(meetingId: string, organisationId: string): Promise<LocatedMeeting> {
    const forumId = await this.forumOf(meetingId);
    if (forumId === null) throw new MeetingNotFound(meetingId);
    const calendar = await loadAggregate(this.store, calendarDecider, meetingCalendarStream(forumId));
    const meeting = findMeeting(calendar.state, meetingId);
    if (meeting === null || organisationOf(calendar.events[0]) !== organisationId) throw new MeetingNotFound(meetingId);
    return { forumId, meeting, calendar };
  }

  private async forumOf(meetingId: string): Promise<string | null> {
    const repository = this.dataSource.getRepository(MeetingRow);
    const row = await repository.findOneBy({ meetingId });
    if (row) return row.forumId;
    await this.projections.waitFor([MEETINGS_VIEW], await this.store.headPosition(), this.config.readYourWritesTimeoutMs);
    return (await repository.findOneBy({ meetingId }))?.forumId ?? null;
  }
}
