import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../platform/auth/access-policy.js';
import { READ, WRITE } from './access-rules.js';
import type { Request, Response } from 'express';
import { SLUG } from '../../governance/http/limits.js';
import {
  Idempotent,
  PathIdPipe,
  actingOrganisation,
  answerConditionalRead,
  metadataFor,
  setNextPageLink,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import { EstablishCollaborationCommand } from '../application/collaboration-commands.js';
import { GetCollaborationQuery, GetFeesQuery, GetMembersOnQuery, ListCollaborationsQuery } from '../application/collaboration-queries.js';
import type { CollaborationView } from '../application/collaboration-view.js';
import { CollaborationCommandType as C } from '../domain/index.js';
import type { CollaborationSummary } from '../read-models/collaboration-summary.entity.js';
import { CollaborationSummaryProjection } from '../read-models/collaboration-summary.projection.js';
import { CollaborationMembershipProjection } from '../read-models/collaboration-membership.projection.js';
import { answerCommand, changeCollaboration, today } from './command-answer.js';
import {
  EstablishCollaborationRequest,
  JoinCollaborationRequest,
  LeaveCollaborationRequest,
  ListCollaborationsParams,
  OnDateParams,
  RecordFigureRequest,
  ReferenceForumRequest,
  SetFeeSchemeRequest,
  SetHourlyRateRequest,
  YearParams,
} from './dto/collaboration.requests.js';

const uuid = uuidOr404('id', 'collaboration');
const memberId = new PathIdPipe(SLUG, 'organisationId', 'member');
const LIST_VIEWS = [new CollaborationSummaryProjection().name, new CollaborationMembershipProjection().name];

function toListItem(c: CollaborationSummary) {
  const { id, organisationId, name, legalForm, currency, currentMembers, projects, settledYears, version } = c;
  return { id, organisationId, name, legalForm, currency, currentMembers, projects, settledYears, version, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}

/** Collaborations of several organisations (4K, RISO, associations): members over time, forums, fee schemes, fees. */
@ApiTags('collaborations')
@Controller('v1/collaborations')
export class CollaborationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: 'Establish a collaboration', description: 'Administered by the acting organisation (its secretariat, or the collaboration as an organisation).' })
  async establish(@Body() body: EstablishCollaborationRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CollaborationView> {
    const result = await this.commands.execute(
      new EstablishCollaborationCommand(randomUUID(), actingOrganisation(), body.name, body.legalForm, body.currency ?? 'DKK', metadataFor()),
    );
    const view = answerCommand(res, result);
    res.status(201).location(`${req.baseUrl}/v1/collaborations/${view.id}`);
    return view;
  }

  @Get()
  @Allow(...READ)
  @ApiOperation({ summary: 'List collaborations', description: 'Those the acting organisation administers or has been a member of; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListCollaborationsParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.readYourWrites.waitFor(minPosition, LIST_VIEWS);
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(new ListCollaborationsQuery({ organisationId: actingOrganisation(), limit, cursor: params.cursor }));
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor, limit };
  }

  @Get(':id')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read a collaboration', description: 'Members over time, forums, fee schemes, rates, figures, projects, issued settlements. ETag is the version.' })
  async get(@Param('id', uuid) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return answerConditionalRead(res, ifNoneMatch, await this.queries.execute(new GetCollaborationQuery(id, actingOrganisation())));
  }

  @Post(':id/members')
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: 'A member joins', description: 'A registered organisation, from a date. 201 when recorded, 200 when it repeats the same joining; 409 while it is a member.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async join(@Param('id', uuid) id: string, @Body() body: JoinCollaborationRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const command = { type: C.Join, data: { collaborationId: id, organisationId: body.organisationId, joinedOn: body.joinedOn } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'optional'), true);
  }

  @Post(':id/members/:organisationId/leave')
  @Allow(...WRITE)
  @HttpCode(200)
  @ApiOperation({ summary: 'A member leaves', description: 'From a date (its first day as a non-member). Needs If-Match: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async leave(
    @Param('id', uuid) id: string,
    @Param('organisationId', memberId) organisationId: string,
    @Body() body: LeaveCollaborationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = { type: C.Leave, data: { collaborationId: id, organisationId, leftOn: body.leftOn, reason: body.reason } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'required', body.reason));
  }

  @Get(':id/members')
  @Allow(...READ)
  @ApiOperation({ summary: 'Members on a day', description: 'With how many projects each has opted out of (repeated opt-outs are a matter for the steering group).' })
  async members(@Param('id', uuid) id: string, @Query() params: OnDateParams) {
    return this.queries.execute(new GetMembersOnQuery(id, actingOrganisation(), params.on ?? today()));
  }

  @Post(':id/forums')
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: "Reference one of the collaboration's forums", description: 'A forum of the administering organisation (e.g. the steering group).' })
  @ApiHeader({ name: 'If-Match', required: false })
  async referenceForum(@Param('id', uuid) id: string, @Body() body: ReferenceForumRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const command = { type: C.ReferenceForum, data: { collaborationId: id, forumId: body.forumId } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'optional'), true);
  }

  @Put(':id/fee-scheme')
  @Allow(...WRITE)
  @ApiOperation({
    summary: 'Set the fee scheme from a year',
    description: 'Per inhabitant, fixed per half-year, or a yearly budget split by size or usage; in force from effectiveFromYear until a later one. Needs If-Match.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  async setFeeScheme(@Param('id', uuid) id: string, @Body() body: SetFeeSchemeRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const command = { type: C.SetFeeScheme, data: { collaborationId: id, kind: body.kind, amount: body.amount, effectiveFromYear: body.effectiveFromYear } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'required'));
  }

  @Post(':id/figures')
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: "Record a member's figure", description: 'Inhabitants (latest official figure) or usage units, in force from a date.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async recordFigure(@Param('id', uuid) id: string, @Body() body: RecordFigureRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const { organisationId, kind, value, effectiveFrom } = body;
    const command = { type: C.RecordFigure, data: { collaborationId: id, organisationId, kind, value, effectiveFrom } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'optional'), true);
  }

  @Get(':id/fees')
  @Allow(...READ)
  @ApiOperation({
    summary: "Every member's fee for a year",
    description: 'From the scheme in force. Pro rata: a member whose first day of membership in the year is after 1 July pays half; leaving does not reduce the fee.',
  })
  async fees(@Param('id', uuid) id: string, @Query() params: YearParams) {
    return this.queries.execute(new GetFeesQuery(id, actingOrganisation(), params.year));
  }

  @Put(':id/hourly-rate')
  @Allow(...WRITE)
  @ApiOperation({ summary: 'Set the hourly rate from a date', description: 'Hours worked from that day on are valued at it. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async setHourlyRate(@Param('id', uuid) id: string, @Body() body: SetHourlyRateRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const command = { type: C.SetHourlyRate, data: { collaborationId: id, rate: body.rate, effectiveFrom: body.effectiveFrom } } as const;
    return answerCommand(res, await changeCollaboration(this.commands, command, ifMatch, 'required'));
  }

}
