import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../platform/auth/access-policy.js';
import { READ, WRITE } from './access-rules.js';
import type { Request, Response } from 'express';
import { Idempotent, actingOrganisation, positiveIntOr404, setCommandHeaders, uuidOr404 } from '../../platform/index.js';
import { GetIssuedSettlementQuery, GetStatementAsOfQuery, issuedSettlementView, type IssuedSettlementView, type StatementAsOfView } from '../application/collaboration-queries.js';
import { CollaborationEventType, CollaborationCommandType as C } from '../domain/index.js';
import { changeCollaboration } from './command-answer.js';
import { AsOfParams, IssueSettlementRequest } from './dto/collaboration.requests.js';

const uuid = uuidOr404('id', 'collaboration');
const yearOr404 = positiveIntOr404('year', 'settlement');

/**
 * The yearly net settlement between members (mellemkommunal afregning): one statement per member with only the net
 * difference of what it owes (its share of costs and valued hours) and what it delivered; the nets sum to zero.
 */
@ApiTags('collaborations')
@Controller('v1/collaborations/:id/settlements')
export class CollaborationSettlementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(...WRITE)
  @Idempotent()
  @ApiOperation({
    summary: "Issue a year's settlement",
    description: 'Computes and records the statement; once per year (409 after), and it never changes: hours and costs recorded later do not alter it.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async issue(
    @Param('id', uuid) id: string,
    @Body() body: IssueSettlementRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedSettlementView> {
    const result = await changeCollaboration(this.commands, { type: C.IssueSettlement, data: { collaborationId: id, year: body.year } }, ifMatch, 'optional');
    const issued = result.loaded.events.find((e) => e.type === CollaborationEventType.SettlementIssued && (e.data as { year: number }).year === body.year)!;
    setCommandHeaders(res, result.loaded.collaboration.version, result.position);
    res.status(201).location(`${req.baseUrl}/v1/collaborations/${id}/settlements/${body.year}`);
    return issuedSettlementView(issued);
  }

  @Get(':year')
  @Allow(...READ)
  @ApiOperation({ summary: 'Read an issued settlement', description: 'The statement exactly as issued, with when, by whom and the version it rests on.' })
  get(@Param('id', uuid) id: string, @Param('year', yearOr404) year: number): Promise<IssuedSettlementView> {
    return this.queries.execute(new GetIssuedSettlementQuery(id, actingOrganisation(), year));
  }

  @Get(':year/statement')
  @Allow(...READ)
  @ApiOperation({
    summary: "Compute a year's statement as of a moment",
    description: 'From the events recorded up to `asOf` (now when absent). As of an issued settlement’s issuedAt it is that settlement’s statement.',
  })
  statement(@Param('id', uuid) id: string, @Param('year', yearOr404) year: number, @Query() params: AsOfParams): Promise<StatementAsOfView> {
    return this.queries.execute(new GetStatementAsOfQuery(id, actingOrganisation(), year, params.asOf ? new Date(params.asOf) : new Date()));
  }
}
