import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, actingOrganisation, Allow, PathIdPipe } from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import { NoScoringModelForForum } from '../application/errors.js';
import { ForumRankingReader, type ForumRanking } from '../application/forum-ranking.reader.js';
import { ScoringModelNotFound } from '../domain/index.js';
import { ForumRankingProjection } from '../read-models/forum-ranking.projection.js';
import { ScoringModelSummaryProjection } from '../read-models/scoring-model-summary.projection.js';
import { FORUM_ID, RankingParams } from './dto/index.js';

const forumIdOr404 = new PathIdPipe(FORUM_ID, 'forumId', 'forum');
const RANKING_VIEWS = [new ForumRankingProjection().name, new ScoringModelSummaryProjection().name];

/** A forum's prioritised and not-yet-prioritised requests (seed 002 p. 19). */
@ApiTags('prioritisation')
@Controller('v1/forums/:forumId/ranking')
export class ForumRankingController {
  constructor(
    private readonly reader: ForumRankingReader,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Allow(AccessPolicy.readForumRanking)
  @ApiOperation({
    summary: "A forum's ranking",
    description:
      'The submitted proposals within the forum\'s mandate (its investment areas and departments; none named: the whole ' +
      'organisation), stated in `selection` and `mandateScope` and followed from the mandate\'s changes on, ranked with the version in force of ' +
      'the model: mandatory first, then weighted score (exact), then criteria in model order, then submission time, then id. ' +
      '`unscored` lists the requests not yet prioritised; `basis` names the model version, rules version and inputs hash.',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the ranking includes this X-Log-Position.' })
  async rank(
    @Param('forumId', forumIdOr404) forumId: string,
    @Query() params: RankingParams,
    @Headers('x-min-position') minPosition: string | undefined,
  ): Promise<ForumRanking> {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, RANKING_VIEWS);
    const ranking = await this.reader.rank(organisationId, forumId, params.modelId);
    if (ranking === null) throw params.modelId === undefined ? new NoScoringModelForForum(forumId) : new ScoringModelNotFound(params.modelId);
    return ranking;
  }
}
