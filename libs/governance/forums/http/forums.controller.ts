import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
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
  requireIfMatch,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../../platform/index.js';
import { ReadYourWrites } from '../../../projections/nest/projections.module.js';
import { MEMBER_ID } from '../../http/limits.js';
import { calendarDay } from '../application/calendar-day.js';
import {
  AmendForumMandateCommand,
  ChangeForumDecisionRuleCommand,
  ChangeForumMemberRoleCommand,
  EstablishForumCommand,
  JoinForumCommand,
  LeaveForumCommand,
  type ForumCommandResult,
} from '../application/forum-commands.js';
import {
  CheckForumMandateQuery,
  GetForumMemberQuery,
  GetForumMembersQuery,
  GetForumQuery,
  ListForumsQuery,
  type ForumMembersOnDate,
  type MandateCheckAnswer,
} from '../application/forum-queries.js';
import { toForumView, type ForumView } from '../application/forum-view.js';
import { toMemberView, type MemberView } from '../application/member-view.js';
import { ForumSummaryProjection } from '../read-models/forum-summary.projection.js';
import { ForumMembersParams, ListForumsParams } from './dto/forum-params.js';
import {
  AmendForumMandateRequest,
  ChangeForumDecisionRuleRequest,
  ChangeForumMemberRoleRequest,
  EstablishForumRequest,
  JoinForumRequest,
  LeaveForumRequest,
  MandateCheckRequest,
} from './dto/forum-requests.js';
import { toForumListItem } from './forum-list-item.js';
import { toDecisionRule, toMandate, withFieldsRelativeTo } from './to-forum-setup.js';

const uuid = uuidOr404('id', 'forum');
const memberId = new PathIdPipe(MEMBER_ID, 'memberId', 'member');
const LIST_VIEW = [new ForumSummaryProjection().name];

/** Governance forums (styregruppe, direktion, bestyrelse, faggruppe): set-up, mandate, decision rule, members. */
@ApiTags('forums')
@Controller('v1/forums')
export class ForumsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Allow(AccessPolicy.setUpForum)
  @Idempotent()
  @ApiOperation({
    summary: 'Establish a forum',
    description: 'In the acting organisation (which must be registered); a parent forum must be one of its forums.',
  })
  async establish(@Body() body: EstablishForumRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ForumView> {
    const organisationId = actingOrganisation();
    const id = randomUUID();
    const result = await this.commands.execute(
      new EstablishForumCommand(id, organisationId, body.name, body.kind, body.parentForumId ?? null, toMandate(body.mandate), toDecisionRule(body.decisionRule), metadataFor()),
    );
    res.status(201).location(`${req.baseUrl}/v1/forums/${id}`);
    return this.answer(res, result, toForumView(result.forum, calendarDay()));
  }

  @Get()
  @Allow(AccessPolicy.readForum)
  @ApiOperation({ summary: 'List forums', description: 'The acting organisation\'s forums, from a read model; filtered, sorted, cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListForumsParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const sort = params.sort ?? 'name';
    const limit = params.limit ?? 20;
    const on = params.on ?? calendarDay();
    const page = await this.queries.execute(
      new ListForumsQuery({
        organisationId,
        kind: params.kind,
        parentForumId: params.parentForumId,
        sort,
        direction: params.direction ?? (sort === 'name' ? 'asc' : 'desc'),
        limit,
        cursor: params.cursor,
      }),
    );
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map((f) => toForumListItem(f, on)), nextCursor: page.nextCursor, limit, membersOn: on };
  }

  @Get(':id')
  @Allow(AccessPolicy.readForum)
  @ApiOperation({ summary: 'Read a forum', description: 'From its stream: mandate, decision rule, today\'s members. ETag is the version.' })
  async get(@Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<ForumView> {
    const forum = await this.queries.execute(new GetForumQuery(id, actingOrganisation()));
    // no 304 on If-None-Match: today's members change with the day as well as with the version
    res.setHeader('ETag', etagFor(forum.version));
    return forum;
  }

  @Put(':id/mandate')
  @Allow(AccessPolicy.setUpForum)
  @ApiOperation({ summary: 'Replace the mandate', description: 'The whole new mandate. Needs If-Match: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async amendMandate(
    @Param('id', uuid) id: string,
    @Body() body: AmendForumMandateRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ForumView> {
    const expected = requireIfMatch(ifMatch);
    const result = await withFieldsRelativeTo(
      'mandate',
      this.commands.execute(new AmendForumMandateCommand(id, actingOrganisation(), toMandate(body), expected, metadataFor(body.reason))),
    );
    return this.answer(res, result, toForumView(result.forum, calendarDay()));
  }

  @Put(':id/decision-rule')
  @Allow(AccessPolicy.setUpForum)
  @ApiOperation({ summary: 'Replace the decision rule', description: 'Method and quorum. Needs If-Match: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async changeDecisionRule(
    @Param('id', uuid) id: string,
    @Body() body: ChangeForumDecisionRuleRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ForumView> {
    const expected = requireIfMatch(ifMatch);
    const result = await withFieldsRelativeTo(
      'decisionRule',
      this.commands.execute(new ChangeForumDecisionRuleCommand(id, actingOrganisation(), toDecisionRule(body), expected, metadataFor(body.reason))),
    );
    return this.answer(res, result, toForumView(result.forum, calendarDay()));
  }

  @Post(':id/members')
  @Allow(AccessPolicy.setUpForum)
  @Idempotent()
  @ApiOperation({ summary: 'A member joins', description: 'Or rejoins after having left, from a day after the last membership ended.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async join(
    @Param('id', uuid) id: string,
    @Body() body: JoinForumRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberView> {
    const person = body.person.email === undefined ? { name: body.person.name } : { name: body.person.name, email: body.person.email };
    const result = await this.commands.execute(
      new JoinForumCommand(id, actingOrganisation(), body.memberId, person, body.role, body.from, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    res.status(201).location(`${req.baseUrl}/v1/forums/${id}/members/${body.memberId}`);
    return this.answer(res, result, toMemberView(result.forum, body.memberId));
  }

  @Get(':id/members')
  @Allow(AccessPolicy.readForumMembers)
  @ApiOperation({ summary: 'Members on a day', description: '`?on=YYYY-MM-DD` (default today): who sat in the forum, with the role each held.' })
  async members(
    @Param('id', uuid) id: string,
    @Query() params: ForumMembersParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ForumMembersOnDate> {
    const answer = await this.queries.execute(new GetForumMembersQuery(id, actingOrganisation(), params.on));
    res.setHeader('ETag', etagFor(answer.version));
    return answer;
  }

  @Get(':id/members/:memberId')
  @Allow(AccessPolicy.readForumMembers)
  @ApiOperation({ summary: 'A member over time', description: 'Every membership with its roles. ETag is the forum\'s version.' })
  async member(@Param('id', uuid) id: string, @Param('memberId', memberId) member: string, @Res({ passthrough: true }) res: Response): Promise<MemberView> {
    const view = await this.queries.execute(new GetForumMemberQuery(id, actingOrganisation(), member));
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }

  @Patch(':id/members/:memberId')
  @Allow(AccessPolicy.setUpForum)
  @ApiOperation({ summary: 'Change a member\'s role', description: 'From a day on. Needs If-Match with the forum\'s ETag: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async changeRole(
    @Param('id', uuid) id: string,
    @Param('memberId', memberId) member: string,
    @Body() body: ChangeForumMemberRoleRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(
      new ChangeForumMemberRoleCommand(id, actingOrganisation(), member, body.role, body.from, expected, metadataFor(body.reason)),
    );
    return this.answer(res, result, toMemberView(result.forum, member));
  }

  @Post(':id/members/:memberId/leave')
  @Allow(AccessPolicy.setUpForum)
  @HttpCode(200)
  @ApiOperation({ summary: 'A member leaves', description: '`to` is the last day as a member.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async leave(
    @Param('id', uuid) id: string,
    @Param('memberId', memberId) member: string,
    @Body() body: LeaveForumRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberView> {
    const result = await this.commands.execute(
      new LeaveForumCommand(id, actingOrganisation(), member, body.to, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    return this.answer(res, result, toMemberView(result.forum, member));
  }

  @Post(':id/mandate-check')
  @Allow(AccessPolicy.checkForumMandate)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Is a matter within the mandate?',
    description: 'A question, nothing is recorded: every reason it is not, and the forum to escalate to. ETag is the forum version asked.',
  })
  async checkMandate(@Param('id', uuid) id: string, @Body() body: MandateCheckRequest, @Res({ passthrough: true }) res: Response): Promise<MandateCheckAnswer> {
    const matter = {
      kind: body.kind,
      amount: body.amount ? { amountMinor: body.amount.amountMinor, currency: body.amount.currency } : null,
      area: body.area ?? null,
      departmentId: body.departmentId ?? null,
    };
    const answer = await this.queries.execute(new CheckForumMandateQuery(id, actingOrganisation(), matter));
    res.setHeader('ETag', etagFor(answer.version));
    return answer;
  }

  private answer<T>(res: Response, result: ForumCommandResult, view: T): T {
    setCommandHeaders(res, result.forum.version, result.position);
    return view;
  }
}
