import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessPolicy,
  actingOrganisation,
  Allow,
  answerConditionalRead,
  etagFor,
  Idempotent,
  metadataFor,
  optionalIfMatch,
  PathIdPipe,
  ProblemException,
  requireIfMatch,
  setCommandHeaders,
} from '../../../platform/index.js';
import { DepartmentNotFound } from '../../domain/organisations/index.js';
import { SLUG } from '../../http/limits.js';
import {
  AddDepartmentCommand,
  CloseDepartmentCommand,
  RegisterOrganisationCommand,
  RenameDepartmentCommand,
  type OrganisationCommandResult,
} from '../application/organisation-commands.js';
import { GetOrganisationQuery } from '../application/organisation-queries.js';
import type { DepartmentView, OrganisationView } from '../application/organisation-view.js';
import { AddDepartmentRequest, OrganisationChangeReasonRequest, RegisterOrganisationRequest, RenameDepartmentRequest } from './dto/organisation-requests.js';

const organisationId = new PathIdPipe(SLUG, 'id', 'organisation');
const departmentId = new PathIdPipe(SLUG, 'departmentId', 'department');

/** Organisations (a municipality, a collaboration) and their departments (forvaltninger, fagområder). */
@ApiTags('organisations')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(AccessPolicy.setUpOrganisation)
  @Idempotent()
  @ApiOperation({
    summary: 'Register an organisation',
    description: 'The caller chooses the id (a slug) and may only register the organisation it acts for. 409 when it exists.',
  })
  async register(@Body() body: RegisterOrganisationRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<OrganisationView> {
    const acting = actingOrganisation();
    if (body.id !== acting) {
      throw new ProblemException({
        status: 403,
        detail: `A request acting for ${acting} may only register ${acting}.`,
        errors: [{ field: 'id', reason: 'must be the organisation the request acts for' }],
      });
    }
    const result = await this.commands.execute(new RegisterOrganisationCommand(body.id, body.name, body.kind, metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/organisations/${body.id}`);
    return this.answer(res, result);
  }

  @Get(':id')
  @Allow(AccessPolicy.readOrganisation)
  @ApiOperation({ summary: 'Read an organisation', description: 'With every department, closed ones included. ETag is the version.' })
  async get(
    @Param('id', organisationId) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationView | undefined> {
    const organisation = await this.queries.execute(new GetOrganisationQuery(id, actingOrganisation()));
    return answerConditionalRead(res, ifNoneMatch, organisation);
  }

  @Post(':id/departments')
  @Allow(AccessPolicy.setUpOrganisation)
  @Idempotent()
  @ApiOperation({ summary: 'Add a department', description: 'Answers the organisation with the new department. 409 when the id is taken.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async addDepartment(
    @Param('id', organisationId) id: string,
    @Body() body: AddDepartmentRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationView> {
    const result = await this.commands.execute(
      new AddDepartmentCommand(id, actingOrganisation(), body.id, body.name, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    res.status(201).location(`${req.baseUrl}/v1/organisations/${id}/departments/${body.id}`);
    return this.answer(res, result);
  }

  @Get(':id/departments/:departmentId')
  @Allow(AccessPolicy.readOrganisation)
  @ApiOperation({ summary: 'Read a department', description: 'ETag is the organisation\'s version.' })
  async getDepartment(
    @Param('id', organisationId) id: string,
    @Param('departmentId', departmentId) department: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DepartmentView & { organisationId: string }> {
    const organisation = await this.queries.execute(new GetOrganisationQuery(id, actingOrganisation()));
    const found = organisation.departments.find((d) => d.id === department);
    if (!found) throw new DepartmentNotFound(department);
    res.setHeader('ETag', etagFor(organisation.version));
    return { organisationId: organisation.id, ...found };
  }

  @Patch(':id/departments/:departmentId')
  @Allow(AccessPolicy.setUpOrganisation)
  @ApiOperation({ summary: 'Rename a department', description: 'Needs If-Match with the organisation\'s ETag: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async renameDepartment(
    @Param('id', organisationId) id: string,
    @Param('departmentId', departmentId) department: string,
    @Body() body: RenameDepartmentRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(
      new RenameDepartmentCommand(id, actingOrganisation(), department, body.name, expected, metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  @Post(':id/departments/:departmentId/close')
  @Allow(AccessPolicy.setUpOrganisation)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a department', description: 'It stays in the organisation, closed; its id is never reused.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async closeDepartment(
    @Param('id', organisationId) id: string,
    @Param('departmentId', departmentId) department: string,
    @Body() body: OrganisationChangeReasonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationView> {
    const result = await this.commands.execute(
      new CloseDepartmentCommand(id, actingOrganisation(), department, optionalIfMatch(ifMatch), metadataFor(body?.reason)),
    );
    return this.answer(res, result);
  }

  private answer(res: Response, result: OrganisationCommandResult): OrganisationView {
    setCommandHeaders(res, result.organisation.version, result.position);
    return result.organisation;
  }
}
