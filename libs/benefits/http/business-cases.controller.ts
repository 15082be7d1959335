import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { calendarDay } from '../../governance/forums/application/calendar-day.js';
import {
  Allow,
  Idempotent,
  PathIdPipe,
  Role,
  actingOrganisation,
  answerConditionalRead,
  metadataFor,
  optionalIfMatch,
  requireIfMatch,
  setCommandHeaders,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import { BusinessCaseCommandType, type BusinessCaseCommand } from '../domain/index.js';
import { ExecuteBusinessCaseCommand } from '../application/business-case-commands.js';
import type { BusinessCaseView } from '../application/business-case-view.js';
import { FollowUpsQuery, GetBusinessCaseQuery, RealisationReportQuery } from '../application/realisation-queries.js';
import {
  AmendBenefitRequest,
  BusinessCaseRequest,
  DefineBenefitRequest,
  IDENTIFIER,
  InvestmentActualRequest,
  KnownAtParams,
  MeasurementRequest,
  ReportParams,
  ReviseBusinessCaseRequest,
} from './dto/benefit.requests.js';
import { parseKnownAt, reportTime } from './report-time.js';


/** The programme office plans resources and follows benefits up; directors and auditors read. */
const MANAGE = [Role.ProgrammeOffice];
const READ = [Role.ProgrammeOffice, Role.Director, Role.Auditor];
const projectUuid = uuidOr404('projectId', 'business case', 'project');
const benefitIdOr404 = new PathIdPipe(IDENTIFIER, 'benefitId', 'benefit');
const FACTS_VIEW = ['business_case_facts'];

/** Business cases per project: investment, expected gains, benefits with owner, baseline, plan and measurements. */
@ApiTags('benefits')
@Controller('v1/business-cases')
export class BusinessCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({
    summary: "Prepare a project's business case",
    description: 'Investment, expected economic gain a year, FTE reduction, qualitative benefits; for a project in the portfolio, followed up by one of the forums. One per project (409).',
  })
  async prepare(@Body() body: BusinessCaseRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<BusinessCaseView> {
    const organisationId = actingOrganisation();
    const projectId = body.projectId.toLowerCase();
    const command: BusinessCaseCommand = {
      type: BusinessCaseCommandType.Prepare,
      data: {
        projectId,
        organisationId,
        forumId: body.forumId,
        investment: body.investment,
        expectedYearlyGain: body.expectedYearlyGain,
        expectedFteReductionHundredths: body.expectedFteReductionHundredths,
        qualitativeBenefits: body.qualitativeBenefits ?? [],
      },
    };
    const view = await this.run(res, command, undefined);
    res.status(201).location(`${req.baseUrl}/v1/business-cases/${projectId}`);
    return view;
  }

  @Get(':projectId')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read a business case', description: 'Now (ETag is the stream version), or as the service knew it at `knownAt`.' })
  async get(
    @Param('projectId', projectUuid) projectId: string,
    @Query() params: KnownAtParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const knownAt = parseKnownAt(params.knownAt);
    const view = await this.queries.execute(new GetBusinessCaseQuery(actingOrganisation(), projectId, knownAt));
    return knownAt === undefined ? answerConditionalRead(res, ifNoneMatch, view) : view;
  }

  @Patch(':projectId')
  @Allow(...MANAGE)
  @ApiOperation({ summary: 'Revise a business case', description: 'What it expects, or the forum following it up; with a reason. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  revise(@Param('projectId', projectUuid) projectId: string, @Body() body: ReviseBusinessCaseRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const expected = requireIfMatch(ifMatch);
    return this.run(res, { type: BusinessCaseCommandType.Revise, data: { projectId, ...body } }, expected, body.reason);
  }

  @Post(':projectId/investment-actuals')
  @Allow(...MANAGE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record what the investment actually cost', description: 'As of a day; a later figure supersedes it in reports as of later days. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  recordInvestment(@Param('projectId', projectUuid) projectId: string, @Body() body: InvestmentActualRequest, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const expected = requireIfMatch(ifMatch);
    const command: BusinessCaseCommand = { type: BusinessCaseCommandType.RecordInvestmentActual, data: { projectId, ...body, today: calendarDay() } };
    return this.run(res, command, expected);
  }

  @Post(':projectId/benefits')
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({
    summary: 'Define a benefit',
    description: 'Owner, baseline, periodicity and planned realisation per period. 201 when defined, 200 when it repeats the definition with the same benefitId.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async defineBenefit(
    @Param('projectId', projectUuid) projectId: string,
    @Body() body: DefineBenefitRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const benefitId = body.benefitId ?? randomUUID();
    const result = await this.commands.execute(
      new ExecuteBusinessCaseCommand(actingOrganisation(), { type: BusinessCaseCommandType.DefineBenefit, data: { projectId, ...body, benefitId } }, optionalIfMatch(ifMatch), metadataFor()),
    );
    setCommandHeaders(res, result.businessCase.version, result.position);
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/business-cases/${projectId}`);
    return result.businessCase;
  }

  @Patch(':projectId/benefits/:benefitId')
  @Allow(...MANAGE)
  @ApiOperation({ summary: 'Amend a benefit', description: 'A new owner, plan (replaced whole), baseline, name or due time; with a reason. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true })
  amendBenefit(
    @Param('projectId', projectUuid) projectId: string,
    @Param('benefitId', benefitIdOr404) benefitId: string,
    @Body() body: AmendBenefitRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = requireIfMatch(ifMatch);
    return this.run(res, { type: BusinessCaseCommandType.AmendBenefit, data: { projectId, benefitId, ...body } }, expected, body.reason);
  }

  @Post(':projectId/benefits/:benefitId/measurements')
  @Allow(...MANAGE)
  @Idempotent()
  @ApiOperation({
    summary: 'Record a measurement (or a correction)',
    description:
      'The actual realisation of an ended period, measured on a day. A period already measured is 409 unless `corrects` names its current measurement (with a reason): corrections are new events, so earlier reports stay reproducible.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async measure(
    @Param('projectId', projectUuid) projectId: string,
    @Param('benefitId', benefitIdOr404) benefitId: string,
    @Body() body: MeasurementRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const measurementId = body.measurementId ?? randomUUID();
    const command: BusinessCaseCommand = { type: BusinessCaseCommandType.RecordMeasurement, data: { projectId, benefitId, ...body, measurementId, today: calendarDay() } };
    const result = await this.commands.execute(new ExecuteBusinessCaseCommand(actingOrganisation(), command, optionalIfMatch(ifMatch), metadataFor(body.reason)));
    setCommandHeaders(res, result.businessCase.version, result.position);
    res.status(result.position ? 201 : 200);
    return result.businessCase;
  }

  private async run(res: Response, command: BusinessCaseCommand, expected: number | undefined, reason?: string): Promise<BusinessCaseView> {
    const result = await this.commands.execute(new ExecuteBusinessCaseCommand(actingOrganisation(), command, expected, metadataFor(reason)));
    setCommandHeaders(res, result.businessCase.version, result.position);
    return result.businessCase;
  }
}

/** Benefit realisation across projects: planned against actual, and the measurements nobody has taken. */
@ApiTags('benefits')
@Controller('v1')
export class RealisationController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('realisation-report')
  @Allow(...READ)
  @ApiOperation({
    summary: 'The benefit realisation report',
    description:
      'Planned against actual per project, for the organisation, one forum (`forumId`) or one project (`projectId`), as of any day (`asOf`) and as known at any instant (`knownAt`).',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async report(@Query() params: ReportParams, @Headers('x-min-position') minPosition: string | undefined) {
    const time = reportTime(params.asOf, params.knownAt);
    await this.readYourWrites.waitFor(minPosition, FACTS_VIEW);
    return this.queries.execute(new RealisationReportQuery({ organisationId: actingOrganisation(), forumId: params.forumId, projectId: params.projectId?.toLowerCase() }, time));
  }

  @Get('benefit-follow-ups')
  @Allow(...READ)
  @ApiOperation({ summary: 'Overdue measurements as of a day', description: 'Every planned period whose measurement is past its due day and not taken, with the owner to follow up.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async followUps(@Query() params: ReportParams, @Headers('x-min-position') minPosition: string | undefined) {
    const time = reportTime(params.asOf, params.knownAt);
    await this.readYourWrites.waitFor(minPosition, FACTS_VIEW);
    const items = await this.queries.execute(new FollowUpsQuery({ organisationId: actingOrganisation(), forumId: params.forumId, projectId: params.projectId?.toLowerCase() }, time));
    return { ...time, items };
  }
}
