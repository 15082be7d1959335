import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ForumPortfolio } from '../../governance/decisions/application/forum-portfolio.reader.js';
import type { PortfolioListFilter } from '../../governance/decisions/read-models/portfolio-list.query.js';
import { PG_POOL } from '../../platform/index.js';
import { directorsPortfolioAsOf, type DirectorsPortfolioPage } from './directors-portfolio-as-of.js';
import { forumPortfolioAsOf, pageOfForumPortfolio, type ForumPortfolioPageAsOf } from './forum-portfolio-as-of.js';
import type { LogPoint } from './log-point.resolver.js';
import { PortfolioHistory } from './portfolio-history.js';

/** The portfolio views as they stood at a point of the log. */
@Injectable()
export class PortfolioAsOf {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly history: PortfolioHistory,
  ) {}

  async directors(filter: PortfolioListFilter, point: LogPoint): Promise<DirectorsPortfolioPage> {
    return directorsPortfolioAsOf(this.pool, await this.history.stateAt(filter.organisationId, point), filter);
  }

  async forum(organisationId: string, forumId: string, point: LogPoint): Promise<ForumPortfolio> {
    return forumPortfolioAsOf(await this.history.stateAt(organisationId, point), organisationId, forumId, point.at);
  }

  async forumPage(organisationId: string, forumId: string, page: { offset: number; limit: number }, point: LogPoint): Promise<ForumPortfolioPageAsOf> {
    return pageOfForumPortfolio(await this.forum(organisationId, forumId, point), page.offset, page.limit);
  }
}
