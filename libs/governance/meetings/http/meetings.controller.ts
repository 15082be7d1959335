import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessPolicy,
  actingOrganisation,
  Allow,
  etagFor,
  Idempotent,
  metadataFor,
  optionalIfMatch,
  PathIdPipe,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../../platform/index.js';
import { ReadYourWrites } from '../../../projections/nest/projections.module.js';
import { findMeeting, MeetingCalendarEventType, MeetingNotFound } from '../../domain/meetings/index.js';
import {
  AddMeetingCommand,
  CancelMeetingCommand,
  MarkMeetingHeldCommand,
  MoveMeetingCommand,
  ScheduleMeetingsCommand,
  SetMeetingRuleCommand,
  type MeetingCalendarResult,
} from '../application/meeting-commands.js';
import { MEETINGS_VIEW } from '../application/meeting-locator.js';
import { GetMeetingQuery, GetMeetingRuleQuery, ListMeetingsQuery } from '../application/meeting-queries.js';
import { byStart, toMeetingRuleView, toMeetingView, type MeetingRuleView, type MeetingView } from '../application/meeting-view.js';
import { AddMeetingRequest, CancelMeetingRequest, MoveMeetingRequest, ScheduleMeetingsRequest } from './dto/meeting-requests.js';
import { FORUM_ID } from './dto/limits.js';
import { ListMeetingsParams } from './dto/list-meetings.params.js';
import { RecurrenceRuleRequest, toRecurrenceRuleInput } from './dto/recurrence-rule.request.js';

const forumIdPipe = new PathIdPipe(FORUM_ID, 'forumId', 'forum');
export const meetingIdPipe = uuidOr404('meetingId', 'meeting');

const LIST_VIEWS = [MEETINGS_VIEW, 'agenda_summaries'];

/**
 * A forum's meeting calendar: its recurrence rule (Herning: monthly except July), the meetings it generates, extra
 * meetings, moves, cancellations and meetings held. The calendar is one stream per forum; its version is the ETag.
 */
@ApiTags('meetings')
@Controller('v1/forums/:forumId')
export class ForumMeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('meeting-rule')
  @Allow(AccessPolicy.readForumMeetings)
  @ApiOperation({ summary: "The forum's recurrence rule", description: 'ETag is the calendar version.' })
  async getRule(@Param('forumId', forumIdPipe) forumId: string, @Res({ passthrough: true }) res: Response): Promise<MeetingRuleView> {
    const { rule, calendarVersion } = await this.queries.execute(new GetMeetingRuleQuery(forumId, actingOrganisation()));
    res.setHeader('ETag', etagFor(calendarVersion));
    return rule;
  }

  @Put('meeting-rule')
  @Allow(AccessPolicy.runForumMeetings)
  @ApiOperation({
    summary: "Set the forum's recurrence rule",
    description: 'Meetings already scheduled stay; later scheduling follows the new rule. The first write creates the calendar for the acting organisation.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The calendar version last read' })
  async setRule(
    @Param('forumId', forumIdPipe) forumId: string,
    @Body() body: RecurrenceRuleRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingRuleView> {
    const result = await this.commands.execute(
      new SetMeetingRuleCommand(forumId, actingOrganisation(), toRecurrenceRuleInput(body), optionalIfMatch(ifMatch), metadataFor()),
    );
    this.headers(res, result);
    return toMeetingRuleView(forumId, result.state);
  }

  @Post('meetings/schedule')
  @Allow(AccessPolicy.runForumMeetings)
  @HttpCode(200)
  @ApiOperation({
    summary: "Schedule the rule's meetings in a period",
    description: 'Local dates, both inclusive. Safe to repeat: a month already planned is skipped, a cancelled meeting is not revived.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async schedule(
    @Param('forumId', forumIdPipe) forumId: string,
    @Body() body: ScheduleMeetingsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ forumId: string; scheduled: MeetingView[]; meetings: MeetingView[] }> {
    const result = await this.commands.execute(
      new ScheduleMeetingsCommand(forumId, actingOrganisation(), body.from, body.to, optionalIfMatch(ifMatch), metadataFor()),
    );
    this.headers(res, result);
    const scheduledIds = new Set(
      result.decided.filter((e) => e.type === MeetingCalendarEventType.MeetingScheduled).map((e) => (e.data as { meetingId: string }).meetingId),
    );
    const all = Object.values(result.state.meetings).sort(byStart);
    const inPeriod = all.filter((m) => m.startsAt.slice(0, 10) >= body.from && m.startsAt.slice(0, 10) <= body.to);
    return {
      forumId,
      scheduled: all.filter((m) => scheduledIds.has(m.meetingId)).map(toMeetingView),
      meetings: inPeriod.map(toMeetingView),
    };
  }

  @Post('meetings')
  @Allow(AccessPolicy.runForumMeetings)
  @Idempotent()
  @ApiOperation({ summary: 'Add an extra meeting', description: 'Outside the rule; the same date and time twice is a 409.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async add(
    @Param('forumId', forumIdPipe) forumId: string,
    @Body() body: AddMeetingRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingView> {
    const result = await this.commands.execute(
      new AddMeetingCommand(forumId, actingOrganisation(), body, optionalIfMatch(ifMatch), metadataFor(body.reason ?? undefined)),
    );
    const added = result.decided.find((e) => e.type === MeetingCalendarEventType.MeetingAdded);
    const meetingId = (added?.data as { meetingId: string }).meetingId;
    this.headers(res, result);
    res.status(201).location(`${req.baseUrl}/v1/meetings/${meetingId}`);
    return this.meeting(result, meetingId);
  }

  @Get('meetings')
  @Allow(AccessPolicy.readForumMeetings)
  @ApiOperation({ summary: "The forum's meetings", description: 'Soonest first; filter by local date and status; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(
    @Param('forumId', forumIdPipe) forumId: string,
    @Query() params: ListMeetingsParams,
    @Headers('x-min-position') minPosition: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEWS);
    const limit = params.limit ?? 100;
    const page = await this.queries.execute(
      new ListMeetingsQuery({ organisationId, forumId, from: params.from, to: params.to, status: params.status, limit, cursor: params.cursor }),
    );
    setNextPageLink(req, res, page.nextCursor);
    return { forumId, items: page.items, nextCursor: page.nextCursor, limit };
  }

  @Post('meetings/:meetingId/move')
  @Allow(AccessPolicy.runForumMeetings)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a meeting', description: 'To a new local date and time in its zone; a reason is required.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async move(
    @Param('forumId', forumIdPipe) forumId: string,
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: MoveMeetingRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingView> {
    const result = await this.commands.execute(
      new MoveMeetingCommand(forumId, meetingId, actingOrganisation(), body, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    this.headers(res, result);
    return this.meeting(result, meetingId);
  }

  @Post('meetings/:meetingId/cancel')
  @Allow(AccessPolicy.runForumMeetings)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a meeting', description: 'A reason is required; a cancelled meeting is history.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async cancel(
    @Param('forumId', forumIdPipe) forumId: string,
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: CancelMeetingRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingView> {
    const result = await this.commands.execute(
      new CancelMeetingCommand(forumId, meetingId, actingOrganisation(), body.reason, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    this.headers(res, result);
    return this.meeting(result, meetingId);
  }

  @Post('meetings/:meetingId/held')
  @Allow(AccessPolicy.runForumMeetings)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a meeting held' })
  @ApiHeader({ name: 'If-Match', required: false })
  async held(
    @Param('forumId', forumIdPipe) forumId: string,
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingView> {
    const result = await this.commands.execute(
      new MarkMeetingHeldCommand(forumId, meetingId, actingOrganisation(), optionalIfMatch(ifMatch), metadataFor()),
    );
    this.headers(res, result);
    return this.meeting(result, meetingId);
  }

  private headers(res: Response, result: MeetingCalendarResult): void {
    setCommandHeaders(res, result.version, result.position);
  }

  private meeting(result: MeetingCalendarResult, meetingId: string): MeetingView {
    const meeting = findMeeting(result.state, meetingId);
    if (!meeting) throw new MeetingNotFound(meetingId);
    return toMeetingView(meeting);
  }
}

/** A meeting by its id alone, as it stands in its forum's calendar. */
@ApiTags('meetings')
@Controller('v1/meetings')
export class MeetingsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':meetingId')
  @Allow(AccessPolicy.readMeeting)
  @ApiOperation({ summary: 'Read a meeting', description: "ETag is the forum calendar's version (the If-Match for moving, cancelling, holding)." })
  async get(@Param('meetingId', meetingIdPipe) meetingId: string, @Res({ passthrough: true }) res: Response): Promise<MeetingView> {
    const { meeting, calendarVersion } = await this.queries.execute(new GetMeetingQuery(meetingId, actingOrganisation()));
    res.setHeader('ETag', etagFor(calendarVersion));
    return meeting;
  }
}
