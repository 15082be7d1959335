import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, loadAggregate, type EventStore } from '../../../event-store/index.js';
import { listMeetings, type MeetingListPage, type MeetingListQuery } from '../read-models/meeting-list.query.js';
import { MeetingCalendarNotFound } from './meeting-command.handlers.js';
import { calendarDecider, meetingCalendarStream } from './meeting-calendar-stream.js';
import { MeetingLocator } from './meeting-locator.js';
import { toMeetingRuleView, toMeetingView, type MeetingRuleView, type MeetingView } from './meeting-view.js';
import { organisationOf, streamOwner } from './organisation-scope.js';

export interface MeetingReadResult {
  readonly meeting: MeetingView;
  /** The forum calendar's stream version: the ETag, and the If-Match for moving, cancelling or holding it. */
  readonly calendarVersion: number;
}

export interface MeetingRuleReadResult {
  readonly rule: MeetingRuleView;
  readonly calendarVersion: number;
}

/** A forum's recurrence rule, read from its calendar stream. */
export class GetMeetingRuleQuery extends Query<MeetingRuleReadResult> {
  constructor(readonly forumId: string, readonly organisationId: string) {
    super();
  }
}

/** A meeting read from its forum's calendar stream: always current. */
export class GetMeetingQuery extends Query<MeetingReadResult> {
  constructor(readonly meetingId: string, readonly organisationId: string) {
    super();
  }
}

/** A forum's meetings from the `meetings` read model. */
export class ListMeetingsQuery extends Query<MeetingListPage> {
  constructor(readonly criteria: MeetingListQuery) {
    super();
  }
}

@QueryHandler(GetMeetingRuleQuery)
export class GetMeetingRuleHandler implements IQueryHandler<GetMeetingRuleQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetMeetingRuleQuery): Promise<MeetingRuleReadResult> {
    const calendar = await loadAggregate(this.store, calendarDecider, meetingCalendarStream(q.forumId));
    if (calendar.version === 0 || organisationOf(calendar.events[0]) !== q.organisationId) throw new MeetingCalendarNotFound(q.forumId);
    return { rule: toMeetingRuleView(q.forumId, calendar.state), calendarVersion: calendar.version };
  }
}

@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery> {
  constructor(private readonly locator: MeetingLocator) {}
  async execute(q: GetMeetingQuery): Promise<MeetingReadResult> {
    const { meeting, calendar } = await this.locator.locate(q.meetingId, q.organisationId);
    return { meeting: toMeetingView(meeting), calendarVersion: calendar.version };
  }
}

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute(q: ListMeetingsQuery): Promise<MeetingListPage> {
    // another organisation's calendar is not found; a forum with no calendar yet simply has no meetings
    const owner = await streamOwner(this.store, meetingCalendarStream(q.criteria.forumId));
    if (owner !== undefined && owner !== q.criteria.organisationId) throw new MeetingCalendarNotFound(q.criteria.forumId);
    return listMeetings(this.dataSource, q.criteria);
  }
}

export const MEETING_QUERY_HANDLERS = [GetMeetingRuleHandler, GetMeetingHandler, ListMeetingsHandler];
