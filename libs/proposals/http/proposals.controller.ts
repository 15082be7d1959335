import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
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
  requireIfMatch,
  setCommandHeaders,
  setNextPageLink,
  uuidOr404,
} from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import {
  AmendProposalCommand,
  DraftProposalCommand,
  SubmitProposalCommand,
  WithdrawProposalCommand,
  type ProposalCommandResult,
} from '../application/proposal-commands.js';
import { GetProposalHistoryQuery, GetProposalQuery, ListProposalsQuery } from '../application/proposal-queries.js';
import type { ProposalView } from '../application/proposal-view.js';
import { ProposalSummaryProjection } from '../read-models/proposal-summary.projection.js';
import {
  AmendProposalRequest,
  ChangeReasonRequest,
  CreateProposalRequest,
  WithdrawProposalRequest,
  toDraftProposalForm,
  toProposalFormPatch,
} from './dto/index.js';
import { ListProposalsParams } from './list-proposals.params.js';
import { TimeTravel, answerAsOf } from '../../time-travel/application/time-travel.js';
import { ProposalAsOfParams } from '../../time-travel/http/as-of.params.js';
import { toProposalListItem } from './proposal-list-item.js';

const uuid = uuidOr404('id', 'proposal');
const LIST_VIEW = [new ProposalSummaryProjection().name];

/** The programme office's proposals (projektindstillinger): draft, amend, submit, withdraw, read, list, history. */
@ApiTags('proposals')
@Controller('v1/proposals')
export class ProposalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly timeTravel: TimeTravel,
  ) {}

  @Post()
  @Allow(AccessPolicy.draftProposal)
  @Idempotent()
  @ApiOperation({ summary: 'Draft a proposal', description: 'Only title and departmentId are needed for a draft.' })
  async draft(@Body() body: CreateProposalRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ProposalView> {
    const organisationId = actingOrganisation();
    const id = randomUUID();
    const result = await this.commands.execute(new DraftProposalCommand(id, organisationId, toDraftProposalForm(body), metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/proposals/${id}`);
    return this.answer(res, result);
  }

  @Get()
  @Allow(AccessPolicy.listProposals)
  @ApiOperation({ summary: 'List proposals', description: 'Filter by status, department, classification; sorted; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListProposalsParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const sort = params.sort ?? 'createdAt';
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(
      new ListProposalsQuery({
        organisationId,
        status: params.status,
        departmentId: params.departmentId,
        classification: params.classification,
        sort,
        // newest first for times and money, A to Z for titles
        direction: params.direction ?? (sort === 'title' ? 'asc' : 'desc'),
        limit,
        cursor: params.cursor,
      }),
    );
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toProposalListItem), nextCursor: page.nextCursor, limit };
  }

  @Get(':id')
  @Allow(AccessPolicy.readProposal)
  @ApiOperation({ summary: 'Read a proposal', description: 'Current, or as of a version of its stream. ETag is the version.' })
  async get(
    @Param('id', uuid) id: string,
    @Query() params: ProposalAsOfParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView | undefined> {
    if (params.asOf !== undefined) return answerAsOf(res, await this.timeTravel.proposal(actingOrganisation(), id, params.asOf, res));
    const proposal = await this.queries.execute(new GetProposalQuery(id, actingOrganisation(), params.asOfVersion));
    // a past version never changes, but it is not the version If-None-Match speaks of
    return answerConditionalRead(res, params.asOfVersion === undefined ? ifNoneMatch : undefined, proposal);
  }

  @Get(':id/history')
  @Allow(AccessPolicy.readProposalHistory)
  @ApiOperation({ summary: 'The history of a proposal', description: 'Every event: when, who, why, and what changed.' })
  async history(@Param('id', uuid) id: string) {
    return { proposalId: id, events: await this.queries.execute(new GetProposalHistoryQuery(id, actingOrganisation())) };
  }

  @Patch(':id')
  @Allow(AccessPolicy.changeProposal)
  @ApiOperation({ summary: 'Amend a proposal', description: 'Needs If-Match with the ETag last read: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async amend(
    @Param('id', uuid) id: string,
    @Body() body: AmendProposalRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(
      new AmendProposalCommand(id, actingOrganisation(), toProposalFormPatch(body), expected, metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  @Post(':id/submit')
  @Allow(AccessPolicy.changeProposal)
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a proposal to the portfolio', description: 'The call\'s required answers must be given.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async submit(
    @Param('id', uuid) id: string,
    @Body() body: ChangeReasonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView> {
    const result = await this.commands.execute(new SubmitProposalCommand(id, actingOrganisation(), optionalIfMatch(ifMatch), metadataFor(body?.reason)));
    return this.answer(res, result);
  }

  @Post(':id/withdraw')
  @Allow(AccessPolicy.changeProposal)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a proposal', description: 'A reason is required.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async withdraw(
    @Param('id', uuid) id: string,
    @Body() body: WithdrawProposalRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalView> {
    const result = await this.commands.execute(
      new WithdrawProposalCommand(id, actingOrganisation(), body.reason, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  private answer(res: Response, result: ProposalCommandResult): ProposalView {
    setCommandHeaders(res, result.proposal.version, result.position);
    return result.proposal;
  }
}
