import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Req, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessPolicy,
  actingOrganisation,
  Allow,
  etagFor,
  Idempotent,
  metadataFor,
  optionalIfMatch,
  positiveIntOr404,
  ProblemException,
  requireIfMatch,
  setCommandHeaders,
} from '../../../platform/index.js';
import { meetingIdPipe } from '../../meetings/http/meetings.controller.js';
import {
  AddAgendaItemCommand,
  FreezeAgendaCommand,
  PrepareAgendaCommand,
  RemoveAgendaItemCommand,
  ReopenAgendaCommand,
  ReorderAgendaItemsCommand,
  type AgendaCommandResult,
} from '../application/agenda-commands.js';
import { GetAgendaQuery, GetAgendaRevisionQuery } from '../application/agenda-queries.js';
import type { AgendaRevisionView, AgendaView } from '../application/agenda-view.js';
import { AddAgendaItemRequest, FreezeAgendaRequest, ReopenAgendaRequest, ReorderAgendaItemsRequest } from './dto/agenda-requests.js';

const revisionPipe = positiveIntOr404('revision', 'frozen revision');

const itemIdPipe: PipeTransform<string, string> = {
  transform(value: string) {
    if (value.length === 0 || value.length > 100) {
      throw new ProblemException({ status: 404, detail: 'No agenda item has this id.', errors: [{ field: 'itemId', reason: 'is not an item id' }] });
    }
    return value;
  },
};

/**
 * A meeting's agenda: prepared, items added, removed and reordered while a draft, frozen into the pack the forum
 * sees (assembled on the server, hashed, kept forever), reopened with a reason for a next revision. One stream per
 * meeting; its version is the ETag.
 */
@ApiTags('agendas')
@Controller('v1/meetings/:meetingId/agenda')
export class AgendasController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(AccessPolicy.runMeeting)
  @Idempotent()
  @ApiOperation({ summary: "Prepare the meeting's agenda", description: 'One agenda per meeting; a second is a 409.' })
  async prepare(@Param('meetingId', meetingIdPipe) meetingId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AgendaView> {
    const result = await this.commands.execute(new PrepareAgendaCommand(meetingId, actingOrganisation(), metadataFor()));
    res.status(201).location(`${req.baseUrl}/v1/meetings/${meetingId}/agenda`);
    return this.answer(res, result);
  }

  @Get()
  @Allow(AccessPolicy.readMeeting)
  @ApiOperation({ summary: "Read the meeting's agenda", description: 'The current items and every frozen revision with its content hash.' })
  async get(@Param('meetingId', meetingIdPipe) meetingId: string, @Res({ passthrough: true }) res: Response): Promise<AgendaView> {
    const agenda = await this.queries.execute(new GetAgendaQuery(meetingId, actingOrganisation()));
    res.setHeader('ETag', etagFor(agenda.version));
    return agenda;
  }

  @Post('items')
  @Allow(AccessPolicy.runMeeting)
  @Idempotent()
  @ApiOperation({ summary: 'Add an item', description: 'Only while the agenda is a draft. The new item\'s URL is in Location.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async addItem(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: AddAgendaItemRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendaView> {
    const itemId = randomUUID();
    const item = { itemId, kind: body.kind, title: body.title, proposalId: body.proposalId ?? null, decisionAsked: body.decisionAsked ?? null };
    const result = await this.commands.execute(
      new AddAgendaItemCommand(meetingId, actingOrganisation(), item, body.position, optionalIfMatch(ifMatch), metadataFor()),
    );
    res.status(201).location(`${req.baseUrl}/v1/meetings/${meetingId}/agenda/items/${itemId}`);
    return this.answer(res, result);
  }

  @Delete('items/:itemId')
  @Allow(AccessPolicy.runMeeting)
  @ApiOperation({ summary: 'Remove an item', description: 'Needs If-Match with the ETag last read: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async removeItem(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Param('itemId', itemIdPipe) itemId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendaView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(new RemoveAgendaItemCommand(meetingId, actingOrganisation(), itemId, expected, metadataFor()));
    return this.answer(res, result);
  }

  @Put('items/order')
  @Allow(AccessPolicy.runMeeting)
  @ApiOperation({ summary: 'Reorder the items', description: 'Every item id once. Needs If-Match: 428 without, 409 when stale.' })
  @ApiHeader({ name: 'If-Match', required: true })
  async reorder(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: ReorderAgendaItemsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendaView> {
    const expected = requireIfMatch(ifMatch);
    const result = await this.commands.execute(new ReorderAgendaItemsCommand(meetingId, actingOrganisation(), body.itemIds, expected, metadataFor()));
    return this.answer(res, result);
  }

  @Post('freeze')
  @Allow(AccessPolicy.runMeeting)
  @Idempotent()
  @ApiOperation({
    summary: 'Freeze the agenda into its pack',
    description:
      'The server assembles the pack: each item\'s proposal as it stands (content and version), its scores and rank in the ' +
      "forum's ranking, the scoring model, the funding pool's balance, and the prioritised and unprioritised requests. " +
      'Records it with its SHA-256 content hash as the next revision (201). Retrying with nothing changed is a 200 no-op.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async freeze(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: FreezeAgendaRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendaRevisionView> {
    const result = await this.commands.execute(
      new FreezeAgendaCommand(meetingId, actingOrganisation(), { scoringModelId: body?.scoringModelId, fundingPoolId: body?.fundingPoolId }, optionalIfMatch(ifMatch), metadataFor()),
    );
    this.answer(res, result);
    res.status(result.created ? 201 : 200).location(`${req.baseUrl}/v1/meetings/${meetingId}/agenda/revisions/${result.frozen.revision}`);
    return result.frozen;
  }

  @Post('reopen')
  @Allow(AccessPolicy.runMeeting)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a frozen agenda', description: 'A reason is required; the frozen revision stays readable and the next freeze is a new revision.' })
  @ApiHeader({ name: 'If-Match', required: false })
  async reopen(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: ReopenAgendaRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendaView> {
    const result = await this.commands.execute(
      new ReopenAgendaCommand(meetingId, actingOrganisation(), body.reason, optionalIfMatch(ifMatch), metadataFor(body.reason)),
    );
    return this.answer(res, result);
  }

  @Get('revisions/:revision')
  @Allow(AccessPolicy.readMeeting)
  @ApiOperation({
    summary: 'A frozen revision',
    description: 'The pack exactly as recorded, its content hash, and `verified`: the hash recomputed from the pack now.',
  })
  async revision(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Param('revision', revisionPipe) revision: number,
  ): Promise<AgendaRevisionView> {
    return this.queries.execute(new GetAgendaRevisionQuery(meetingId, actingOrganisation(), revision));
  }

  private answer(res: Response, result: AgendaCommandResult): AgendaView {
    setCommandHeaders(res, result.agenda.version, result.position);
    return result.agenda;
  }
}
