import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessPolicy, actingOrganisation, Allow, etagFor, Idempotent, metadataFor, RequestContext, setCommandHeaders, uuidOr404 } from '../../platform/index.js';
import { RecordScoreSetCommand } from '../application/scorecard-commands.js';
import { GetScorecardQuery } from '../application/scorecard-queries.js';
import type { ScorecardView } from '../application/scorecard-view.js';
import { LIMITS, RecordScoresRequest, ScorecardParams } from './dto/index.js';
import { fieldProblem } from './field-problem.js';

const uuid = uuidOr404('proposalId', 'proposal');

/** Scores must be whole numbers; whether they fit the model version is the domain's to judge (422). */
function requireWholeScores(scores: Record<string, unknown>): void {
  const entries = Object.entries(scores);
  if (entries.length > LIMITS.criteria) throw fieldProblem([{ field: 'scores', reason: `must score at most ${LIMITS.criteria} criteria` }]);
  const errors = entries
    .filter(([, value]) => typeof value !== 'number' || !Number.isSafeInteger(value))
    .map(([criterionId]) => ({ field: `scores.${criterionId}`, reason: 'must be a whole number' }));
  if (errors.length > 0) throw fieldProblem(errors);
}

/** Assessments of a proposal against a forum's scoring model (departments score their own, seed 002 p. 8). */
@ApiTags('prioritisation')
@Controller('v1/proposals/:proposalId/scores')
export class ProposalScoresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow(AccessPolicy.scoreProposal)
  @Idempotent()
  @ApiOperation({
    summary: 'Score a proposal',
    description:
      'Records one assessment against the version in force of the forum\'s model; earlier ones are kept. 201 when recorded, ' +
      '200 when it repeats the assessor kind\'s latest (nothing new is recorded).',
  })
  async record(
    @Param('proposalId', uuid) proposalId: string,
    @Body() body: RecordScoresRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScorecardView> {
    const organisationId = actingOrganisation();
    requireWholeScores(body.scores);
    const { actor } = RequestContext.require();
    const result = await this.commands.execute(
      new RecordScoreSetCommand(
        proposalId,
        organisationId,
        body.forumId,
        body.modelId,
        body.modelVersion,
        { kind: body.assessorKind, subject: actor.subject },
        body.scores,
        body.rationale ?? null,
        metadataFor(),
      ),
    );
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/proposals/${proposalId}/scores?forumId=${encodeURIComponent(body.forumId)}`);
    setCommandHeaders(res, result.scorecard.version, result.position);
    return result.scorecard;
  }

  @Get()
  @Allow(AccessPolicy.readScores)
  @ApiOperation({
    summary: "A proposal's scorecard in a forum",
    description: 'The latest assessment per assessor kind, the full history, and the effective scores for each model\'s version in force.',
  })
  async get(
    @Param('proposalId', uuid) proposalId: string,
    @Query() params: ScorecardParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScorecardView> {
    const scorecard = await this.queries.execute(new GetScorecardQuery(proposalId, actingOrganisation(), params.forumId, params.modelId));
    res.setHeader('ETag', etagFor(scorecard.version));
    return scorecard;
  }
}
