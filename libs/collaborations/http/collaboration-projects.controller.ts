import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../platform/auth/access-policy.js';
import { READ, WRITE } from './access-rules.js';
import type { Request, Response } from 'express';
import { Idempotent, PathIdPipe, actingOrganisation, setCommandHeaders, uuidOr404 } from '../../platform/index.js';
import type { CollaborationCommandResult } from '../application/collaboration-commands.js';
import { GetProjectQuery, projectView, type ProjectView } from '../application/collaboration-queries.js';
import { CollaborationCommandType as C } from '../domain/index.js';
import { changeCollaboration, today } from './command-answer.js';
import { IDENTIFIER, OnDateParams, OptInRequest, OptOutRequest, RecordCostRequest, RecordHoursRequest, RegisterProjectRequest, StartProjectRequest } from './dto/collaboration.requests.js';

const uuid = uuidOr404('id', 'collaboration');
const projectIdOr404 = new PathIdPipe(IDENTIFIER, 'projectId', 'project');

/**
 * A collaboration's joint projects: who takes part (all members by default, opt-out of a joint project, opt-in to a
 * voluntary one), the start once enough take part, and the costs and hours the settlement shares among them.
 * Answers are the project (participants today); the ETag is the collaboration's version.
 */
@ApiTags('collaborations')
@Controller('v1/collaborations/:id/projects')
export class CollaborationProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: 'Register a project', description: 'Joint (every member unless it opts out) or voluntary (opt-in); with a minimum number of participants to start.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async register(
    @Param('id', uuid) id: string,
    @Body() body: RegisterProjectRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const projectId = body.projectId ?? randomUUID();
    const data = {
      collaborationId: id,
      projectId,
      name: body.name,
      kind: body.kind,
      costKey: body.costKey ?? 'equal',
      minimumParticipants: body.minimumParticipants ?? 1,
      proposalId: body.proposalId?.toLowerCase() ?? null,
    };
    const result = await changeCollaboration(this.commands, { type: C.RegisterProject, data }, ifMatch, 'optional');
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/collaborations/${id}/projects/${encodeURIComponent(projectId)}`);
    return this.answer(res, result, projectId);
  }

  @Get(':projectId')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read a project', description: 'Its participation, who takes part on `on` (today by default), its costs and hours.' })
  async get(@Param('id', uuid) id: string, @Param('projectId', projectIdOr404) projectId: string, @Query() params: OnDateParams): Promise<ProjectView> {
    return this.queries.execute(new GetProjectQuery(id, actingOrganisation(), projectId, params.on ?? today()));
  }

  @Post(':projectId/opt-out')
  @Allow(...WRITE)
  @HttpCode(200)
  @ApiOperation({ summary: 'A member opts out', description: 'Of a joint project (or withdraws from a voluntary one), before it starts; by the member itself or the administrator. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async optOut(
    @Param('id', uuid) id: string,
    @Param('projectId', projectIdOr404) projectId: string,
    @Body() body: OptOutRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const command = { type: C.OptOut, data: { collaborationId: id, projectId, organisationId: body.organisationId, reason: body.reason } } as const;
    return this.answer(res, await changeCollaboration(this.commands, command, ifMatch, 'required', body.reason), projectId);
  }

  @Post(':projectId/opt-in')
  @Allow(...WRITE)
  @HttpCode(200)
  @ApiOperation({ summary: 'A member opts in', description: 'To a voluntary project (or back into a joint one), before it starts. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async optIn(
    @Param('id', uuid) id: string,
    @Param('projectId', projectIdOr404) projectId: string,
    @Body() body: OptInRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const command = { type: C.OptIn, data: { collaborationId: id, projectId, organisationId: body.organisationId } } as const;
    return this.answer(res, await changeCollaboration(this.commands, command, ifMatch, 'required'), projectId);
  }

  @Post(':projectId/start')
  @Allow(...WRITE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Start a project', description: 'Refused (409, naming who takes part) with fewer participants than its minimum. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async start(
    @Param('id', uuid) id: string,
    @Param('projectId', projectIdOr404) projectId: string,
    @Body() body: StartProjectRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const command = { type: C.StartProject, data: { collaborationId: id, projectId, startedOn: body.startedOn } } as const;
    return this.answer(res, await changeCollaboration(this.commands, command, ifMatch, 'required'), projectId);
  }

  @Post(':projectId/costs')
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({ summary: 'Record a cost', description: 'An invoice a member paid for a started project; shared among the participants on its day. 201, or 200 for a repeat with the same costId.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async recordCost(
    @Param('id', uuid) id: string,
    @Param('projectId', projectIdOr404) projectId: string,
    @Body() body: RecordCostRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const { description, amount, incurredOn, paidBy } = body;
    const command = { type: C.RecordCost, data: { collaborationId: id, projectId, costId: body.costId ?? randomUUID(), description, amount, incurredOn, paidBy } } as const;
    const result = await changeCollaboration(this.commands, command, ifMatch, 'optional');
    res.status(result.position ? 201 : 200);
    return this.answer(res, result, projectId);
  }

  @Post(':projectId/hours')
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({
    summary: 'Record hours delivered',
    description: "By a participant's staff, valued at the hourly rate in force on the day worked. By the member itself or the administrator. 201, or 200 for a repeat.",
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async recordHours(
    @Param('id', uuid) id: string,
    @Param('projectId', projectIdOr404) projectId: string,
    @Body() body: RecordHoursRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const { organisationId, workedOn, hours, description } = body;
    const command = { type: C.RecordHours, data: { collaborationId: id, projectId, entryId: body.entryId ?? randomUUID(), organisationId, workedOn, hours, description } } as const;
    const result = await changeCollaboration(this.commands, command, ifMatch, 'optional');
    res.status(result.position ? 201 : 200);
    return this.answer(res, result, projectId);
  }

  private answer(res: Response, result: CollaborationCommandResult, projectId: string): ProjectView {
    const view = projectView(result.loaded.collaboration, projectId, today());
    setCommandHeaders(res, view.version, result.position);
    return view;
  }
}
