import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Allow,
  Idempotent,
  PathIdPipe,
  Role,
  ProblemException,
  actingOrganisation,
  answerConditionalRead,
  metadataFor,
  optionalIfMatch,
  parseIfMatch,
  requireIfMatch,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import { InvalidResourceRequest, requireMonthRange } from '../domain/index.js';
import {
  AmendRoleCommand,
  ChangeResourceCommand,
  DefineRoleCommand,
  RegisterResourceCommand,
  SetDemandCommand,
  type CommandResult,
  type ResourceChange,
} from '../application/resource-commands.js';
import {
  CapacityViewQuery,
  GetProjectResourcesQuery,
  GetResourceQuery,
  GetRoleQuery,
  ListResourcesQuery,
  ListRolesQuery,
  ScarcityReportQuery,
} from '../application/resource-queries.js';
import type { ResourcePlanView, ResourceView, RoleView } from '../application/resource-views.js';
import type { ResourceRow } from '../read-models/resource-read-models.entity.js';
import {
  AmendResourceRequest,
  AmendRoleRequest,
  AssignResourceRequest,
  CapacityParams,
  DefineRoleRequest,
  IDENTIFIER,
  LendResourceRequest,
  ListResourcesParams,
  ReasonRequest,
  RegisterResourceRequest,
  ROLE_ID,
  SetCapacityRequest,
  SetDemandRequest,
} from './dto/resource.requests.js';


/** The programme office plans resources and follows benefits up; directors and auditors read. */
const MANAGE = [Role.ProgrammeOffice];
const READ = [Role.ProgrammeOffice, Role.Director, Role.Auditor];
const resourceUuid = uuidOr404('id', 'resource');
const projectUuid = uuidOr404('projectId', 'project', 'proposal');
const roleIdOr404 = new PathIdPipe(ROLE_ID, 'roleId', 'role');
const loanIdOr404 = new PathIdPipe(IDENTIFIER, 'loanId', 'loan');
const assignmentIdOr404 = new PathIdPipe(IDENTIFIER, 'assignmentId', 'assignment');
const ROLES_VIEW = ['resource_roles'];
const RESOURCES_VIEW = ['resources'];
const CAPACITY_VIEWS = ['resources', 'resource_plans'];

function answer<V extends { version: number }>(res: Response, result: CommandResult<V>): V {
  setCommandHeaders(res, result.view.version, result.position);
  return result.view;
}

/** The effort of a request: hours a month or a share of a position, whichever was sent. */
const effortOf = (body: { hoursPerMonth?: number; ftePercent?: number }) => ({ hoursPerMonth: body.hoursPerMonth ?? null, ftePercent: body.ftePercent ?? null });

/** The roles resources are planned in (project leader, process consultant, system architect, …). */
@ApiTags('resources')
@Controller('v1/resource-roles')
export class ResourceRolesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({ summary: 'Define a role', description: 'Under a key of your choice (`project_leader`); a second with the same key is 409.' })
  async define(@Body() body: DefineRoleRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RoleView> {
    const result = await this.commands.execute(new DefineRoleCommand(actingOrganisation(), body.roleId, body.name, body.description ?? null, metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/resource-roles/${result.view.roleId}`);
    return answer(res, result);
  }

  @Get()
  @Allow(...READ)
  @ApiOperation({ summary: 'List the roles', description: 'Every role of the organisation, by id.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async list(@Headers('x-min-position') minPosition: string | undefined) {
    await this.readYourWrites.waitFor(minPosition, ROLES_VIEW);
    const rows = await this.queries.execute(new ListRolesQuery(actingOrganisation()));
    return { items: rows.map(({ roleId, name, description, version }) => ({ roleId, name, description, version })) };
  }

  @Get(':roleId')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read a role' })
  async get(@Param('roleId', roleIdOr404) roleId: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return answerConditionalRead(res, ifNoneMatch, await this.queries.execute(new GetRoleQuery(actingOrganisation(), roleId)));
  }

  @Patch(':roleId')
  @Allow(...MANAGE)
  @ApiOperation({ summary: 'Rename a role or change its description', description: 'Needs If-Match: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async amend(
    @Param('roleId', roleIdOr404) roleId: string,
    @Body() body: AmendRoleRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoleView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(new AmendRoleCommand(actingOrganisation(), roleId, body, expected, metadataFor()));
    return answer(res, result);
  }
}

/** People and teams: capacity per month, loans between units, assignments to projects. */
@ApiTags('resources')
@Controller('v1/resources')
export class ResourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({ summary: 'Register a person or a team', description: "In one role and home unit. A person's name and email travel as one `person` object." })
  async register(@Body() body: RegisterResourceRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ResourceView> {
    const registration = { kind: body.kind, person: body.person ?? null, teamName: body.teamName ?? null, roleId: body.roleId, homeUnitId: body.homeUnitId };
    const result = await this.commands.execute(new RegisterResourceCommand(actingOrganisation(), registration, metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/resources/${result.view.id}`);
    return answer(res, result);
  }

  @Get()
  @Allow(...READ)
  @ApiOperation({ summary: 'List people and teams', description: 'Filter by role and home unit; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async list(@Query() params: ListResourcesParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.readYourWrites.waitFor(minPosition, RESOURCES_VIEW);
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(
      new ListResourcesQuery({ organisationId: actingOrganisation(), roleId: params.roleId, homeUnitId: params.homeUnitId, limit, cursor: params.cursor }),
    );
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor, limit };
  }

  @Get(':id')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read a person or team', description: 'Capacity, loans and assignments per month, over-allocated months flagged. ETag is the stream version.' })
  async get(@Param('id', resourceUuid) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return answerConditionalRead(res, ifNoneMatch, await this.queries.execute(new GetResourceQuery(actingOrganisation(), id)));
  }

  @Patch(':id')
  @Allow(...MANAGE)
  @ApiOperation({ summary: "Correct a person's details or a team's name, or change the role", description: 'Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  amend(@Param('id', resourceUuid) id: string, @Body() body: AmendResourceRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const expected = requireIfMatch(ifMatch);
    return this.change(res, id, { type: 'amend', ...body }, expected);
  }

  @Put(':id/capacity')
  @Allow(...MANAGE)
  @ApiOperation({
    summary: 'Set capacity for a range of months',
    description: 'Hours a month, or a share of a position (`ftePercent`, freed time) at 160 hours a month. Never below what is lent out (409). Needs If-Match.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  setCapacity(@Param('id', resourceUuid) id: string, @Body() body: SetCapacityRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const expected = requireIfMatch(ifMatch);
    return this.change(res, id, { type: 'capacity', from: body.from, to: body.to, ...effortOf(body) }, expected);
  }

  @Post(':id/loans')
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({
    summary: 'Lend part of the capacity to another department or member',
    description: 'For a range of months; never more than is left to lend in a month (409 naming the month). 201 when lent, 200 when it repeats the loan with the same loanId.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async lend(
    @Param('id', resourceUuid) id: string,
    @Body() body: LendResourceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = optionalIfMatch(ifMatch);
    const loanId = body.loanId ?? randomUUID();
    const change: ResourceChange = { type: 'lend', loanId, borrowerUnitId: body.borrowerUnitId, from: body.from, to: body.to, note: body.note ?? null, ...effortOf(body) };
    return this.create(res, id, change, expected, `${req.baseUrl}/v1/resources/${id}`);
  }

  @Post(':id/loans/:loanId/cancel')
  @Allow(...MANAGE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a loan', description: 'Its hours return to the lender. Cancelling twice changes nothing.' })
  cancelLoan(@Param('id', resourceUuid) id: string, @Param('loanId', loanIdOr404) loanId: string, @Body() body: ReasonRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.change(res, id, { type: 'cancel-loan', loanId, reason: body?.reason ?? null }, optionalIfMatch(ifMatch), body?.reason);
  }

  @Post(':id/assignments')
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({
    summary: 'Assign to a project',
    description: 'For a range of months. More than the capacity is accepted and flagged as over-allocation. 201 when assigned, 200 when it repeats the assignment with the same assignmentId.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async assign(
    @Param('id', resourceUuid) id: string,
    @Body() body: AssignResourceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = optionalIfMatch(ifMatch);
    const assignmentId = body.assignmentId ?? randomUUID();
    const change: ResourceChange = { type: 'assign', assignmentId, projectId: body.projectId.toLowerCase(), from: body.from, to: body.to, ...effortOf(body) };
    return this.create(res, id, change, expected, `${req.baseUrl}/v1/projects/${change.projectId}/resources`);
  }

  @Post(':id/assignments/:assignmentId/withdraw')
  @Allow(...MANAGE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an assignment', description: 'Withdrawing twice changes nothing.' })
  withdraw(
    @Param('id', resourceUuid) id: string,
    @Param('assignmentId', assignmentIdOr404) assignmentId: string,
    @Body() body: ReasonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.change(res, id, { type: 'withdraw-assignment', assignmentId, reason: body?.reason ?? null }, optionalIfMatch(ifMatch), body?.reason);
  }

  private async change(res: Response, id: string, change: ResourceChange, expected: number | undefined, reason?: string): Promise<ResourceView> {
    return answer(res, await this.execute(id, change, expected, reason));
  }

  /** A loan or an assignment: 201 when this request made it, 200 when it repeats one with the same id (nothing appended). */
  private async create(res: Response, id: string, change: ResourceChange, expected: number | undefined, location: string): Promise<ResourceView> {
    const result = await this.execute(id, change, expected);
    res.status(result.position ? 201 : 200).location(location);
    return answer(res, result);
  }

  private execute(id: string, change: ResourceChange, expected: number | undefined, reason?: string) {
    return this.commands.execute(new ChangeResourceCommand(actingOrganisation(), id, change, expected, metadataFor(reason)));
  }
}

function toListItem(r: ResourceRow) {
  return { id: r.id, kind: r.kind, person: r.person, teamName: r.teamName, roleId: r.roleId, homeUnitId: r.homeUnitId, version: r.version };
}

/** A project's demand per role and month, and who is assigned to it. */
@ApiTags('resources')
@Controller('v1/projects/:projectId')
export class ProjectResourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Put('resource-demand/:roleId')
  @Allow(...MANAGE)
  @ApiOperation({
    summary: "Set a project's demand for a role",
    description: 'Hours a month (or a share of a position) over a range of months; 0 clears them. If-Match is required once the project has a resource plan (428 without).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The resource plan version (`version` of GET …/resources); required once it exists' })
  async setDemand(
    @Param('projectId', projectUuid) projectId: string,
    @Param('roleId', roleIdOr404) roleId: string,
    @Body() body: SetDemandRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResourcePlanView> {
    const result = await this.commands.execute(
      new SetDemandCommand(actingOrganisation(), projectId, roleId, { from: body.from, to: body.to, ...effortOf(body) }, parseIfMatch(ifMatch), metadataFor()),
    );
    return answer(res, result);
  }

  @Get('resources')
  @Allow(...READ)
  @ApiOperation({ summary: "A project's resource plan", description: 'Its demand per role and month (version = the plan ETag) and the assignments to it.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async get(@Param('projectId', projectUuid) projectId: string, @Headers('x-min-position') minPosition: string | undefined) {
    await this.readYourWrites.waitFor(minPosition, RESOURCES_VIEW);
    return this.queries.execute(new GetProjectResourcesQuery(actingOrganisation(), projectId));
  }
}

/** Capacity against demand per role and month, and the scarcest roles. */
@ApiTags('resources')
@Controller('v1/capacity')
export class CapacityController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Allow(...READ)
  @ApiOperation({
    summary: 'The capacity view per role and month',
    description: 'Capacity, demand, assignments, what is left, where the capacity sits after loans; `overAllocated` when more is assigned than there is.',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async view(@Query() params: CapacityParams, @Headers('x-min-position') minPosition: string | undefined) {
    const range = rangeOf(params);
    await this.readYourWrites.waitFor(minPosition, CAPACITY_VIEWS);
    const rows = await this.queries.execute(new CapacityViewQuery(actingOrganisation(), range, params.roleId));
    return { ...range, rows };
  }

  @Get('scarcity')
  @Allow(...READ)
  @ApiOperation({ summary: 'The scarcest resources', description: 'Roles by demand ÷ capacity over the months, highest first; a role with demand and no capacity first of all.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async scarcity(@Query() params: CapacityParams, @Headers('x-min-position') minPosition: string | undefined) {
    const range = rangeOf(params);
    await this.readYourWrites.waitFor(minPosition, CAPACITY_VIEWS);
    return { ...range, roles: await this.queries.execute(new ScarcityReportQuery(actingOrganisation(), range)) };
  }
}

/** A query's month range, checked as the domain checks a command's (a range that cannot be is a bad request). */
function rangeOf(params: CapacityParams) {
  try {
    return requireMonthRange(params.from, params.to);
  } catch (error) {
    if (!(error instanceof InvalidResourceRequest)) throw error;
    throw new ProblemException({ status: 400, detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
}
