import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
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
  PathIdPipe,
  positiveIntOr404,
  requireIfMatch,
  setCommandHeaders,
} from '../../../platform/index.js';
import { OrganisationNotFound } from '../../domain/organisations/index.js';
import { SLUG } from '../../http/limits.js';
import { AdoptGateRuleSetCommand } from '../application/gate-rule-commands.js';
import { GetGateRuleSetInForceQuery, GetGateRuleSetQuery, GetGateRulesQuery, type GateRuleSetInForceView } from '../application/gate-rule-queries.js';
import { gateRulesPath, type GateRuleRegisterView, type GateRuleSetView } from '../application/gate-rule-register-view.js';
import { AdoptGateRuleSetRequest, GateRulesOnParams } from './dto/adopt-gate-rule-set.request.js';

const organisationIdPipe = new PathIdPipe(SLUG, 'id', 'organisation');
const versionPipe = positiveIntOr404('version', 'gate rule set');

/** The organisation in the path, which must be the one the request acts for: any other is not found. */
function ownOrganisation(id: string): string {
  if (id !== actingOrganisation()) throw new OrganisationNotFound(id);
  return id;
}

/**
 * An organisation's stage-gate rules as configuration with an effective date: adopted through the API, never
 * retroactively, read as a whole, by version, or as in force on a day.
 */
@ApiTags('gate rules')
@Controller('v1/organisations/:id/gate-rules')
export class GateRulesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Allow(AccessPolicy.readOrganisation)
  @ApiOperation({
    summary: "The organisation's gate rule sets",
    description:
      'Every set with its version (1 is the built-in default), effective date, who adopted it and why, and the version in ' +
      'force today (Europe/Copenhagen). ETag is the register version: the If-Match of the next adoption.',
  })
  async list(
    @Param('id', organisationIdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GateRuleRegisterView | undefined> {
    const register = await this.queries.execute(new GetGateRulesQuery(ownOrganisation(id)));
    return answerConditionalRead(res, ifNoneMatch, register);
  }

  @Post()
  @Allow(AccessPolicy.setUpOrganisation)
  @Idempotent()
  @ApiOperation({
    summary: 'Adopt a gate rule set',
    description:
      'From `effectiveFrom` on, decisions at meetings on or after that day are judged by it. The day must be today or later ' +
      '(Europe/Copenhagen) and not before the latest set; a set from the same day as the latest corrects it. Decisions ' +
      'already taken keep the set they recorded. Needs If-Match with the register ETag ("0" before any adoption): 428 ' +
      'without, 409 when stale.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  async adopt(
    @Param('id', organisationIdPipe) id: string,
    @Body() body: AdoptGateRuleSetRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GateRuleSetView> {
    const organisationId = ownOrganisation(id);
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(new AdoptGateRuleSetCommand(organisationId, body.effectiveFrom, body.gates, expected, metadataFor(body.reason)));
    setCommandHeaders(res, result.register.version, result.position);
    res.status(201).location(`${req.baseUrl}${gateRulesPath(organisationId)}/${result.adoptedVersion}`);
    return result.register.ruleSets.find((set) => set.version === result.adoptedVersion)!;
  }

  @Get('in-force')
  @Allow(AccessPolicy.readOrganisation)
  @ApiOperation({ summary: 'The gate rule set in force on a day', description: '`on` defaults to today (Europe/Copenhagen).' })
  async inForce(
    @Param('id', organisationIdPipe) id: string,
    @Query() params: GateRulesOnParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GateRuleSetInForceView> {
    const answer = await this.queries.execute(new GetGateRuleSetInForceQuery(ownOrganisation(id), params.on));
    res.setHeader('ETag', etagFor(answer.version));
    return answer;
  }

  @Get(':version')
  @Allow(AccessPolicy.readOrganisation)
  @ApiOperation({ summary: 'One gate rule set by version' })
  version(@Param('id', organisationIdPipe) id: string, @Param('version', versionPipe) version: number): Promise<GateRuleSetView> {
    return this.queries.execute(new GetGateRuleSetQuery(ownOrganisation(id), version));
  }
}
