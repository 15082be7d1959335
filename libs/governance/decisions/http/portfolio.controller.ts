import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessPolicy, actingOrganisation, Allow, ProblemException, setNextPageLink, uuidOr404 } from '../../../platform/index.js';
import { ReadYourWrites } from '../../../projections/nest/projections.module.js';
import { FORUM_VIEW_PROJECTIONS, ForumPortfolioPages, decodeOffset, encodeOffset } from '../application/forum-portfolio.pages.js';
import { InvalidPortfolioCursor, listPortfolio, type PortfolioListFilter } from '../read-models/portfolio-list.query.js';
import { toPortfolioRow, type PortfolioRow } from '../read-models/portfolio-row.js';
import type { PortfolioScore } from '../read-models/portfolio-project-score.entity.js';
import { TimeTravel } from '../../../time-travel/application/time-travel.js';
import { ForumPortfolioAsOfParams, PortfolioAsOfParams } from '../../../time-travel/http/as-of.params.js';
import { scoreHundredths } from './dto/list-portfolio.params.js';

/** A project in the directors' portfolio: with its current weighted score (null: unscored). */
export type DirectorsPortfolioRow = PortfolioRow & { readonly score: PortfolioScore | null };

const PORTFOLIO_VIEW = ['portfolio_projects', 'portfolio_scores'];

/** The portfolio views: the directors' across forums, and each forum's current view. */
@ApiTags('portfolio')
@Controller('v1')
export class PortfolioController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forumPortfolio: ForumPortfolioPages,
    private readonly readYourWrites: ReadYourWrites,
    private readonly timeTravel: TimeTravel,
  ) {}

  @Get('portfolio')
  @Allow(AccessPolicy.readDirectorsPortfolio)
  @ApiOperation({ summary: "The directors' portfolio", description: 'Every project of the organisation with its current weighted score (the highest over the forums that scored it, each with its active model\'s current version); filter (also by minScore/maxScore), sort (also by score, unscored last), cursor-paginated; each links to its decisions.' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async list(
    @Query() params: PortfolioAsOfParams,
    @Headers('x-min-position') minPosition: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: DirectorsPortfolioRow[]; nextCursor: string | null; limit: number }> {
    const minScore = params.minScore === undefined ? undefined : scoreHundredths(params.minScore);
    const maxScore = params.maxScore === undefined ? undefined : scoreHundredths(params.maxScore);
    if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) {
      const reason = 'minScore must not be above maxScore';
      throw new ProblemException({ status: 400, detail: reason, errors: [{ field: 'minScore', reason }] });
    }
    await this.readYourWrites.waitFor(minPosition, PORTFOLIO_VIEW);
    const limit = params.limit ?? 20;
    const sort = params.sort ?? 'title';
    const filter: PortfolioListFilter = {
      organisationId: actingOrganisation(),
      forumId: params.forumId,
      departmentId: params.departmentId,
      stage: params.stage,
      status: params.status,
      minScoreHundredths: minScore,
      maxScoreHundredths: maxScore,
      sort,
      direction: params.direction ?? (sort === 'title' ? 'asc' : 'desc'),
      limit,
      cursor: params.cursor,
    };
    if (params.asOf !== undefined) {
      const asOf = await this.timeTravel.directorsPortfolio(filter, params.asOf, res);
      setNextPageLink(req, res, asOf.nextCursor);
      return asOf;
    }
    const page = await listPortfolio(this.dataSource, filter).catch((error: unknown) => {
      if (error instanceof InvalidPortfolioCursor) throw new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
      throw error;
    });
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map((row) => ({ ...toPortfolioRow(row), score: page.scores.get(row.proposalId) ?? null })), nextCursor: page.nextCursor, limit };
  }

  @Get('forums/:forumId/portfolio')
  @Allow(AccessPolicy.readForumPortfolio)
  @ApiOperation({
    summary: "A forum's portfolio",
    description:
      'Its pools, upcoming meetings and scoring model, and a page of its list: the prioritised requests in rank order (rank, weighted score, costs, requested and committed, stage, next gate), then the unprioritised ones. `page` gives the totals and `nextCursor`; `ETag`/`If-None-Match` answer 304 while the view is unchanged.',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiHeader({ name: 'If-None-Match', required: false })
  async forum(
    @Param('forumId', uuidOr404('forumId', 'forum')) forumId: string,
    @Query() params: ForumPortfolioAsOfParams,
    @Headers('x-min-position') minPosition: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const offset = params.cursor === undefined ? 0 : decodeOffset(params.cursor);
    if (offset === null) {
      const reason = 'cursor must be a cursor returned by this list';
      throw new ProblemException({ status: 400, detail: reason, errors: [{ field: 'cursor', reason }] });
    }
    if (params.asOf !== undefined) {
      const asOf = await this.timeTravel.forumPortfolio(actingOrganisation(), forumId, { offset, limit: params.limit ?? 50 }, params.asOf, res);
      setNextPageLink(req, res, asOf.page.nextCursor);
      res.status(200).json(asOf);
      return;
    }
    await this.readYourWrites.waitFor(minPosition, FORUM_VIEW_PROJECTIONS);
    const page = await this.forumPortfolio.page({ organisationId: actingOrganisation(), forumId, offset, limit: params.limit ?? 50 });
    res.setHeader('ETag', page.etag);
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === page.etag || tag.trim() === '*')) {
      res.status(304).end();
      return;
    }
    setNextPageLink(req, res, page.nextOffset === null ? null : encodeOffset(page.nextOffset));
    res.status(200).type('application/json').send(page.body);
  }
}
