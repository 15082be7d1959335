import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessPolicy,
  actingOrganisation,
  Allow,
  answerConditionalRead,
  Idempotent,
  metadataFor,
  optionalIfMatch,
  positiveIntOr404,
  requireIfMatch,
  setCommandHeaders,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import {
  DefineScoringModelCommand,
  RetireScoringModelCommand,
  ReviseScoringModelCommand,
  type ScoringModelCommandResult,
} from '../application/scoring-model-commands.js';
import { GetScoringModelQuery, GetScoringModelVersionQuery, ListForumScoringModelsQuery } from '../application/scoring-model-queries.js';
import type { ScoringModelVersionView, ScoringModelView } from '../application/scoring-model-view.js';
import { ScoringModelSummaryProjection } from '../read-models/scoring-model-summary.projection.js';
import {
  DefineScoringModelRequest,
  ListScoringModelsParams,
  RetireScoringModelRequest,
  ReviseScoringModelRequest,
  toScoringModelContent,
} from './dto/index.js';

const uuid = uuidOr404('id', 'scoring model');
const versionOr404 = positiveIntOr404('version', 'version');
const LIST_VIEW = [new ScoringModelSummaryProjection().name];

/** A forum's scoring models: criteria, weights and scales, revised into numbered versions, retired at most once. */
@ApiTags('prioritisation')
@Controller('v1/scoring-models')
export class ScoringModelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Allow(AccessPolicy.manageScoringModels)
  @Idempotent()
  @ApiOperation({
    summary: "Define a forum's scoring model",
    description: 'Give the criteria, or `"template": "herning_default"` for Herning\'s four criteria (1 to 5, equal weights).',
  })
  async define(@Body() body: DefineScoringModelRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ScoringModelView> {
    const organisationId = actingOrganisation();
    const content = toScoringModelContent(body);
    const id = randomUUID();
    const result = await this.commands.execute(new DefineScoringModelCommand(id, organisationId, body.forumId, content, metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/scoring-models/${id}`);
    return this.answer(res, result);
  }

  @Get()
  @Allow(AccessPolicy.readScoringModels)
  @ApiOperation({ summary: "A forum's scoring models", description: 'Newest first, active and retired.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListScoringModelsParams, @Headers('x-min-position') minPosition: string | undefined) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const models = await this.queries.execute(new ListForumScoringModelsQuery(organisationId, params.forumId));
    return {
      items: models.map((m) => ({
        id: m.id,
        forumId: m.forumId,
        name: m.name,
        status: m.status,
        currentVersion: m.currentVersion,
        version: m.version,
        createdAt: m.createdAt.toISOString(),
        updatedAt: m.updatedAt.toISOString(),
      })),
    };
  }

  @Get(':id')
  @Allow(AccessPolicy.readScoringModels)
  @ApiOperation({ summary: 'Read a scoring model', description: 'The version in force and every version. ETag is the stream version.' })
  async get(
    @Param('id', uuid) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScoringModelView | undefined> {
    const model = await this.queries.execute(new GetScoringModelQuery(id, actingOrganisation()));
    return answerConditionalRead(res, ifNoneMatch, model);
  }

  @Get(':id/versions/:version')
  @Allow(AccessPolicy.readScoringModels)
  @ApiOperation({ summary: 'Read one version of a scoring model', description: 'Exactly as recorded; versions never change.' })
  getVersion(@Param('id', uuid) id: string, @Param('version', versionOr404) version: number): Promise<ScoringModelVersionView> {
    return this.queries.execute(new GetScoringModelVersionQuery(id, actingOrganisation(), version));
  }

  @Put(':id')
  @Allow(AccessPolicy.manageScoringModels)
  @ApiOperation({
    summary: 'Revise a scoring model',
    description: 'The whole content becomes a new version. Needs If-Match: 428 without, 409 when stale. Equal content records nothing.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  async revise(
    @Param('id', uuid) id: string,
    @Body() body: ReviseScoringModelRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScoringModelView> {
    const expected = requireIfMatch(ifMatch);
    const content = toScoringModelContent(body);
    const result = await this.commands.execute(new ReviseScoringModelCommand(id, actingOrganisation(), content, expected, metadataFor(body.reason)));
    return this.answer(res, result);
  }

  @Post(':id/retire')
  @Allow(AccessPolicy.manageScoringModels)
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a scoring model', description: 'It keeps its versions for the record; no revisions, no new scores.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async retire(
    @Param('id', uuid) id: string,
    @Body() body: RetireScoringModelRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScoringModelView> {
    const result = await this.commands.execute(
      new RetireScoringModelCommand(id, actingOrganisation(), body.reason, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  private answer(res: Response, result: ScoringModelCommandResult): ScoringModelView {
    setCommandHeaders(res, result.model.version, result.position);
    return result.model;
  }
}
