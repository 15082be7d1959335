import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { ProblemException } from '../../../platform/index.js';
import type { Money } from '../../../shared-kernel/money.js';
import { FORUM_RANKING_PORT, type ForumRankingPort } from '../../agendas/application/ports/forum-ranking.port.js';
import { ForumSummary } from '../../forums/read-models/forum-summary.entity.js';
import { MeetingRow } from '../../meetings/read-models/meeting.entity.js';
import { PortfolioProject } from '../read-models/portfolio-project.entity.js';
import { toPortfolioRow, type PortfolioRow } from '../read-models/portfolio-row.js';

export interface ForumPortfolio {
  readonly forumId: string;
  /** The model the ranking used; null when the forum does not score. */
  readonly scoringModel: { readonly id: string; readonly version: number; readonly inputsHash: string } | null;
  readonly prioritised: readonly (PortfolioRow & { readonly rank: number; readonly weightedScore: string })[];
  readonly unprioritised: readonly PortfolioRow[];
  readonly pools: readonly { poolId: string; year: number; name: string; amount: Money; committed: Money; paidBack: Money; available: Money }[];
  readonly upcomingMeetings: readonly { meetingId: string; startsAt: string }[];
}

interface PoolRow {
  id: string;
  year: number;
  name: string;
  currency: Money['currency'];
  amount_minor: string;
  committed_minor: string;
  paid_back_minor: string;
}

/**
 * A forum's current view (seed 002 p. 19: the pool's balance, the prioritised and the unprioritised requests), with
 * each request's stage, costs and committed amount from `portfolio_projects`. The rank and score are computed now
 * by the prioritisation context, never stored here, so they cannot go stale.
 */
@Injectable()
export class ForumPortfolioReader {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FORUM_RANKING_PORT) private readonly ranking: ForumRankingPort,
  ) {}

  /** Throws a 404 problem when the organisation has no such forum. */
  async read(organisationId: string, forumId: string, now = new Date()): Promise<ForumPortfolio> {
    if (!(await this.dataSource.getRepository(ForumSummary).existsBy({ id: forumId, organisationId }))) {
      throw new ProblemException({ status: 404, title: 'Forum not found', detail: 'No forum has this id.', errors: [{ field: 'forumId', reason: 'is not a forum id' }] });
    }
    const ranking = await this.ranking.rank(organisationId, forumId);
    const ids = [...(ranking?.rows ?? []).map((r) => r.proposalId), ...(ranking?.unscored ?? []).map((u) => u.proposalId)];
    // one array parameter, not an IN list of thousands: a huge IN list makes planning (and JIT) cost seconds
    const rows = ids.length === 0
      ? []
      : await this.dataSource
          .getRepository(PortfolioProject)
          .createQueryBuilder('p')
          .where('p.organisation_id = :organisationId', { organisationId })
          .andWhere('p.proposal_id = ANY(CAST(:ids AS uuid[]))', { ids })
          .getMany();
    const byId = new Map(rows.map((row) => [row.proposalId, toPortfolioRow(row)]));
    const pools = await this.dataSource.query<PoolRow[]>(
      'SELECT id, year, name, currency, amount_minor, committed_minor, paid_back_minor FROM funding_pools WHERE organisation_id = $1 AND forum_id = $2 ORDER BY year, id',
      [organisationId, forumId],
    );
    const meetings = await this.dataSource.getRepository(MeetingRow).find({
      where: { organisationId, forumId, status: 'scheduled', startsAt: MoreThanOrEqual(now) },
      order: { startsAt: 'ASC' },
    });
    return {
      forumId,
      scoringModel: ranking && { id: ranking.basis.modelId, version: ranking.basis.modelVersion, inputsHash: ranking.basis.inputsHash },
      prioritised: (ranking?.rows ?? []).flatMap((r) => {
        const row = byId.get(r.proposalId);
        return row ? [{ rank: r.rank, weightedScore: r.weightedScore.normalised, ...row }] : [];
      }),
      unprioritised: (ranking?.unscored ?? []).flatMap((u) => byId.get(u.proposalId) ?? []),
      pools: pools.map((p) => {
        const money = (minor: number): Money => ({ amountMinor: minor, currency: p.currency });
        const amount = Number(p.amount_minor);
        const committed = Number(p.committed_minor);
        const paidBack = Number(p.paid_back_minor);
        // paybacks flow back into the pool that funded the project (efficiency principle)
        return { poolId: p.id, year: p.year, name: p.name, amount: money(amount), committed: money(committed), paidBack: money(paidBack), available: money(amount - committed + paidBack) };
      }),
      upcomingMeetings: meetings.map((m) => ({ meetingId: m.meetingId, startsAt: m.startsAtLocal })),
    };
  }
}
