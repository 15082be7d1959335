import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessPolicy, actingOrganisation, Allow, etagFor, Idempotent, metadataFor, setCommandHeaders, uuidOr404 } from '../../../platform/index.js';
import { meetingIdPipe } from '../../meetings/http/meetings.controller.js';
import { TakeDecisionCommand } from '../application/decision-commands.js';
import { GetDecisionQuery, GetProjectQuery, type DecisionRecordView } from '../application/project-queries.js';
import type { DecisionView, ProjectView } from '../application/project-view.js';
import { paybackTermsOf } from '../../../funding/http/dto/payback-agreement.requests.js';
import { TakeDecisionRequest } from './dto/take-decision.request.js';

const proposalIdPipe = uuidOr404('proposalId', 'project', 'proposal');
const decisionIdPipe = uuidOr404('decisionId', 'decision');

/** Decisions at meetings: taken on a frozen agenda, recorded on the project's stream with their whole basis. */
@ApiTags('decisions')
@Controller('v1/meetings/:meetingId/decisions')
export class DecisionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow(AccessPolicy.recordDecision)
  @Idempotent()
  @ApiOperation({
    summary: 'Record a decision of the meeting',
    description:
      'On a proposal of a standing frozen agenda revision of the meeting, with the votes. A carried funding approval commits ' +
      'the amount in the pool first; a decision outside the mandate, short of a gate or above the pool is refused and records nothing.',
  })
  async take(
    @Param('meetingId', meetingIdPipe) meetingId: string,
    @Body() body: TakeDecisionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DecisionView> {
    const decisionId = randomUUID();
    const { expectedSavings, ...decision } = body;
    const request = { ...decision, ...(expectedSavings && { expectedSavings: paybackTermsOf(expectedSavings) }) };
    const result = await this.commands.execute(new TakeDecisionCommand(meetingId, actingOrganisation(), decisionId, request, metadataFor(body.rationale)));
    res.status(201).location(`${req.baseUrl}${result.decision.link}`);
    setCommandHeaders(res, result.project.version, result.position);
    return result.decision;
  }
}

/** A portfolio project: where it stands, every decision with its basis, and what the forum saw for each. */
@ApiTags('decisions')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':proposalId')
  @Allow(AccessPolicy.readProject)
  @ApiOperation({ summary: 'A project: stage, status, decisions with their basis, next gate', description: 'ETag is the stream version.' })
  async get(@Param('proposalId', proposalIdPipe) proposalId: string, @Res({ passthrough: true }) res: Response): Promise<ProjectView> {
    const project = await this.queries.execute(new GetProjectQuery(proposalId, actingOrganisation()));
    res.setHeader('ETag', etagFor(project.version));
    return project;
  }

  @Get(':proposalId/decisions/:decisionId')
  @Allow(AccessPolicy.readProject)
  @ApiOperation({
    summary: 'What the forum saw',
    description: 'The decision, its votes and tally, its rationale, and the frozen agenda pack it points to, re-verified against its hash.',
  })
  async decision(
    @Param('proposalId', proposalIdPipe) proposalId: string,
    @Param('decisionId', decisionIdPipe) decisionId: string,
  ): Promise<DecisionRecordView> {
    return this.queries.execute(new GetDecisionQuery(proposalId, decisionId, actingOrganisation()));
  }
}
