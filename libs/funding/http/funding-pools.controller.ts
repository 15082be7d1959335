import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
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
  PathIdPipe,
  requireIfMatch,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import {
  AdjustFundingPoolAmountCommand,
  CommitFundingCommand,
  EstablishFundingPoolCommand,
  ReleaseCommitmentCommand,
  type FundingPoolCommandResult,
} from '../application/funding-pool-commands.js';
import { FundingOverviewQuery, GetCommitmentQuery, GetFundingPoolQuery, ListFundingPoolsQuery } from '../application/funding-pool-queries.js';
import type { CommitmentView, FundingPoolView } from '../application/funding-pool-view.js';
import { FundingPoolSummaryProjection } from '../read-models/funding-pool-summary.projection.js';
import type { FundingPoolSummary } from '../read-models/funding-pool-summary.entity.js';
import {
  AdjustFundingPoolRequest,
  CommitFundingRequest,
  EstablishFundingPoolRequest,
  IDENTIFIER,
  ListFundingPoolsParams,
  ReleaseCommitmentRequest,
} from './dto/funding-pool.requests.js';
import { FundingOverviewParams } from './dto/payback-agreement.requests.js';
import { TimeTravel, answerAsOf } from '../../time-travel/application/time-travel.js';
import { AsOfParams } from '../../time-travel/http/as-of.params.js';

const uuid = uuidOr404('id', 'funding pool');
const commitmentIdOr404 = new PathIdPipe(IDENTIFIER, 'commitmentId', 'commitment');
const LIST_VIEW = [new FundingPoolSummaryProjection().name];

function toListItem(p: FundingPoolSummary) {
  const money = (amountMinor: number) => ({ amountMinor, currency: p.currency });
  return {
    id: p.id,
    forumId: p.forumId,
    year: p.year,
    name: p.name,
    investmentArea: p.investmentArea,
    amount: money(p.amountMinor),
    committed: money(p.committedMinor),
    paidBack: money(p.paidBackMinor),
    available: money(p.amountMinor - p.committedMinor + p.paidBackMinor),
    activeCommitments: p.activeCommitments,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A forum's yearly development pools (udviklingspuljer): amount, commitments to proposals, balance. */
@ApiTags('funding')
@Controller('v1/funding-pools')
export class FundingPoolsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly timeTravel: TimeTravel,
  ) {}

  @Post()
  @Allow(AccessPolicy.manageFundingPools)
  @Idempotent()
  @ApiOperation({
    summary: 'Establish a development pool',
    description: 'One per forum, year and investment area (absent: all areas); a second is 409 naming the existing pool.',
  })
  async establish(@Body() body: EstablishFundingPoolRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<FundingPoolView> {
    const organisationId = actingOrganisation();
    const result = await this.commands.execute(
      new EstablishFundingPoolCommand(organisationId, body.forumId, body.year, body.name, body.amount, body.investmentArea ?? null, metadataFor()),
    );
    res.status(201).location(`${req.baseUrl}/v1/funding-pools/${result.pool.id}`);
    return this.answer(res, result);
  }

  @Get()
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'List development pools', description: 'Filter by forum and year; newest year first; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListFundingPoolsParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(
      new ListFundingPoolsQuery({ organisationId, forumId: params.forumId, year: params.year, limit, cursor: params.cursor }),
    );
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor, limit };
  }

  @Get('overview')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({
    summary: 'The pools by year and investment area',
    description:
      'For each year: amount, committed, paid back and available per investment area (null: pools for every area) and in ' +
      'total. Filter by forum and a range of years.',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the overview includes this X-Log-Position.' })
  async overview(@Query() params: FundingOverviewParams, @Headers('x-min-position') minPosition: string | undefined) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const years = await this.queries.execute(new FundingOverviewQuery({ organisationId, forumId: params.forumId, fromYear: params.fromYear, toYear: params.toYear }));
    return { years };
  }

  @Get(':id')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'Read a development pool', description: 'Amount, committed, paid back, available, every commitment. ETag is the stream version.' })
  async get(
    @Param('id', uuid) id: string,
    @Query() params: AsOfParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundingPoolView | undefined> {
    if (params.asOf !== undefined) return answerAsOf(res, await this.timeTravel.fundingPool(actingOrganisation(), id, params.asOf, res));
    const pool = await this.queries.execute(new GetFundingPoolQuery(id, actingOrganisation()));
    return answerConditionalRead(res, ifNoneMatch, pool);
  }

  @Post(':id/adjustments')
  @Allow(AccessPolicy.manageFundingPools)
  @HttpCode(200)
  @ApiOperation({
    summary: "Adjust a pool's amount",
    description: 'Sets the new amount, with a reason; never below what is committed. Needs If-Match: 428 without, 409 when stale.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  async adjust(
    @Param('id', uuid) id: string,
    @Body() body: AdjustFundingPoolRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundingPoolView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(
      new AdjustFundingPoolAmountCommand(id, actingOrganisation(), body.amount, body.reason, expected, metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  @Post(':id/commitments')
  @Allow(AccessPolicy.manageFundingPools)
  @Idempotent()
  @ApiOperation({
    summary: 'Commit money to a proposal',
    description:
      'Development costs only, up to the available balance (409 with `available` otherwise). 201 when committed, 200 when it ' +
      'repeats the commitment with the same commitmentId.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async commit(
    @Param('id', uuid) id: string,
    @Body() body: CommitFundingRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundingPoolView> {
    const organisationId = actingOrganisation();
    const expected = optionalIfMatch(ifMatch);
    const commitmentId = body.commitmentId ?? randomUUID();
    const result = await this.commands.execute(
      new CommitFundingCommand(
        id,
        organisationId,
        { commitmentId, proposalId: body.proposalId.toLowerCase(), decisionId: body.decisionId, amount: body.amount, costKind: body.costKind },
        metadataFor(),
        expected,
      ),
    );
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/funding-pools/${id}/commitments/${encodeURIComponent(commitmentId)}`);
    return this.answer(res, result);
  }

  @Get(':id/commitments/:commitmentId')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'Read a commitment' })
  getCommitment(@Param('id', uuid) id: string, @Param('commitmentId', commitmentIdOr404) commitmentId: string): Promise<CommitmentView> {
    return this.queries.execute(new GetCommitmentQuery(id, actingOrganisation(), commitmentId));
  }

  @Post(':id/commitments/:commitmentId/release')
  @Allow(AccessPolicy.manageFundingPools)
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a commitment', description: 'Its whole amount returns to the balance. Releasing twice changes nothing.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async release(
    @Param('id', uuid) id: string,
    @Param('commitmentId', commitmentIdOr404) commitmentId: string,
    @Body() body: ReleaseCommitmentRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundingPoolView> {
    const expected = optionalIfMatch(ifMatch);
    const result = await this.commands.execute(
      new ReleaseCommitmentCommand(id, actingOrganisation(), commitmentId, body?.reason ?? null, expected, metadataFor(body?.reason)),
    );
    return this.answer(res, result);
  }

  private answer(res: Response, result: FundingPoolCommandResult): FundingPoolView {
    setCommandHeaders(res, result.pool.version, result.position);
    return result.pool;
  }
}
