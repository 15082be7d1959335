import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessPolicy,
  Allow,
  Idempotent,
  actingOrganisation,
  answerConditionalRead,
  metadataFor,
  requireIfMatch,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import type { CostSplit, TermsInput } from '../domain/index.js';
import {
  AddCostAllocationTermsCommand,
  DefineCostAllocationKeyCommand,
  type CostAllocationKeyCommandResult,
} from '../application/cost-allocation-key-commands.js';
import { GetCostAllocationKeyQuery, ListCostAllocationKeysQuery, SplitCostQuery } from '../application/cost-allocation-key-queries.js';
import type { CostAllocationKeyView } from '../application/cost-allocation-key-view.js';
import type { CostAllocationKeySummary } from '../read-models/cost-allocation-key-summary.entity.js';
import { CostAllocationKeySummaryProjection } from '../read-models/cost-allocation-key-summary.projection.js';
import { DefineCostAllocationKeyRequest, KeyTermsDto, ListCostAllocationKeysParams, SplitParams } from './dto/cost-allocation-key.requests.js';

const uuid = uuidOr404('id', 'cost allocation key');
const LIST_VIEW = [new CostAllocationKeySummaryProjection().name];

const termsOf = (t: KeyTermsDto): TermsInput => ({
  effectiveFrom: t.effectiveFrom,
  source: t.source ?? null,
  parties: t.parties.map((p) => ({ partyId: p.partyId, name: p.name ?? null, quantity: p.quantity ?? null })),
});

function toListItem(k: CostAllocationKeySummary) {
  const { id, name, basis, termsCount, firstEffectiveFrom, latestEffectiveFrom, latestParties, version } = k;
  return { id, name, basis, termsCount, firstEffectiveFrom, latestEffectiveFrom, latestParties, version, createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString() };
}

/**
 * Cost allocation keys (omkostningsfordelingsnøgler) with dated terms, and splits of an amount by the key in force.
 * Access: the money rules' policy (the programme office keeps them; directors and auditors read) until the access
 * policy names cost allocation keys of its own.
 */
@ApiTags('cost allocation')
@Controller('v1/cost-allocation-keys')
export class CostAllocationKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @Idempotent()
  @Allow(AccessPolicy.manageFundingPools)
  @ApiOperation({ summary: 'Define a cost allocation key', description: 'Its basis and its first terms (the figures from a date on). 201 with Location and ETag.' })
  async define(@Body() body: DefineCostAllocationKeyRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CostAllocationKeyView> {
    const result = await this.commands.execute(new DefineCostAllocationKeyCommand(actingOrganisation(), body.name, body.basis, termsOf(body.terms), metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/cost-allocation-keys/${result.key.id}`);
    return answer(res, result);
  }

  @Get()
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'List cost allocation keys', description: 'By name; filter by basis; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListCostAllocationKeysParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(new ListCostAllocationKeysQuery({ organisationId, basis: params.basis, limit, cursor: params.cursor }));
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor, limit };
  }

  @Get(':id')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'Read a cost allocation key', description: 'Every set of terms it has had, by effective date. ETag is the stream version.' })
  async get(@Param('id', uuid) id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response): Promise<CostAllocationKeyView | undefined> {
    return answerConditionalRead(res, ifNoneMatch, await this.queries.execute(new GetCostAllocationKeyQuery(id, actingOrganisation())));
  }

  @Post(':id/terms')
  @Allow(AccessPolicy.manageFundingPools)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add terms from a date on',
    description: 'New figures (e.g. new population figures) from `effectiveFrom` on; earlier terms stay. One set per date (409). Needs If-Match: 428 without, 409 when stale.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  async addTerms(@Param('id', uuid) id: string, @Body() body: KeyTermsDto, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response): Promise<CostAllocationKeyView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(new AddCostAllocationTermsCommand(id, actingOrganisation(), termsOf(body), expected, metadataFor()));
    return answer(res, result);
  }

  @Get(':id/split')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({
    summary: 'Split an amount by the key',
    description:
      'By the terms in force on `on`: each party its share rounded down to the øre, the øre left over to the largest remainders ' +
      '(`roundedUp`); the shares add up to the amount. Says which terms were used and each party’s weight.',
  })
  split(@Param('id', uuid) id: string, @Query() params: SplitParams): Promise<CostSplit> {
    return this.queries.execute(new SplitCostQuery(id, actingOrganisation(), { amountMinor: params.amountMinor, currency: params.currency }, params.on));
  }
}

function answer(res: Response, result: CostAllocationKeyCommandResult): CostAllocationKeyView {
  setCommandHeaders(res, result.key.version, result.position);
  return result.key;
}
