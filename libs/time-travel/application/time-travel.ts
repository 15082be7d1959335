import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { FundingPoolView } from '../../funding/application/funding-pool-view.js';
import { InvalidPortfolioCursor, type PortfolioListFilter } from '../../governance/decisions/read-models/portfolio-list.query.js';
import type { ProposalView } from '../../proposals/application/proposal-view.js';
import { compareLogPositions } from '../../event-store/index.js';
import { ProblemException, etagFor } from '../../platform/index.js';
import { InvalidAsOf, parseAsOf } from '../domain/as-of.js';
import type { DirectorsPortfolioPage } from './directors-portfolio-as-of.js';
import type { ForumPortfolioPageAsOf } from './forum-portfolio-as-of.js';
import { FundingPoolAsOf } from './funding-pool-as-of.js';
import { LogPointResolver, type LogPoint } from './log-point.resolver.js';
import { PortfolioAsOf } from './portfolio-as-of.js';
import { diffProposal, type ProposalDiff } from './proposal-diff.js';
import { ProposalAsOf } from './proposal-as-of.js';

export const AS_OF_POSITION_HEADER = 'X-As-Of-Position';

/** A resource as it stood: its ETag is its version then (a past version never changes; If-None-Match is not for it). */
export function answerAsOf<T extends { version: number }>(res: Response, view: T): T {
  res.setHeader('ETag', etagFor(view.version));
  return view;
}

/**
 * What the controllers' `?asOf=` branches call: parse the client's point, resolve it to a log position, answer as
 * of it, and name that position in `X-As-Of-Position`.
 */
@Injectable()
export class TimeTravel {
  constructor(
    private readonly points: LogPointResolver,
    private readonly proposals: ProposalAsOf,
    private readonly pools: FundingPoolAsOf,
    private readonly portfolios: PortfolioAsOf,
  ) {}

  async proposal(organisationId: string, proposalId: string, asOf: string, res: Response): Promise<ProposalView> {
    const point = await this.point(asOf, res);
    return this.proposals.get(organisationId, proposalId, point);
  }

  async fundingPool(organisationId: string, poolId: string, asOf: string, res: Response): Promise<FundingPoolView> {
    const point = await this.point(asOf, res);
    return this.pools.get(organisationId, poolId, point);
  }

  async directorsPortfolio(filter: PortfolioListFilter, asOf: string, res: Response): Promise<DirectorsPortfolioPage> {
    return this.portfolios.directors(filter, await this.point(asOf, res)).catch((error: unknown) => {
      if (error instanceof InvalidPortfolioCursor) throw new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
      throw error;
    });
  }

  /** A page of the forum's view then (`offset`: the live view's cursor, decoded). */
  async forumPortfolio(organisationId: string, forumId: string, page: { offset: number; limit: number }, asOf: string, res: Response): Promise<ForumPortfolioPageAsOf> {
    return this.portfolios.forumPage(organisationId, forumId, page, await this.point(asOf, res));
  }

  /** `from` must not lie after `to`; the proposal must exist at `to`. */
  async proposalDiff(organisationId: string, proposalId: string, from: string, to: string): Promise<ProposalDiff> {
    const [fromPoint, toPoint] = await Promise.all([this.points.resolve(parseAsOf(from, 'from'), 'from'), this.points.resolve(parseAsOf(to, 'to'), 'to')]);
    if (compareLogPositions(fromPoint.position, toPoint.position) > 0) throw new InvalidAsOf('from', 'must not lie after to');
    const [before, after] = await Promise.all([
      this.proposals.find(organisationId, proposalId, fromPoint),
      this.proposals.get(organisationId, proposalId, toPoint),
    ]);
    return diffProposal(proposalId, { asOf: from, point: fromPoint, view: before }, { asOf: to, point: toPoint, view: after });
  }

  private async point(asOf: string, res: Response): Promise<LogPoint> {
    const point = await this.points.resolve(parseAsOf(asOf));
    res.setHeader(AS_OF_POSITION_HEADER, point.text);
    return point;
  }
}
