import { encodeOffset } from '../../governance/decisions/application/forum-portfolio.pages.js';
import type { ForumPortfolio } from '../../governance/decisions/application/forum-portfolio.reader.js';
import { ProblemException } from '../../platform/index.js';
import { toPortfolioRow, type PortfolioRow } from '../../governance/decisions/read-models/portfolio-row.js';
import { AmbiguousScoringModel } from '../../prioritisation/application/errors.js';
import { rankProposals, type RankingEntry } from '../../prioritisation/domain/index.js';
import type { Currency, Money } from '../../shared-kernel/money.js';
import { scoreSetKey, type PortfolioHistoryState } from './portfolio-history.state.js';

/**
 * A forum's view as it stood (the live ForumPortfolioReader's answer, computed from the state): the ranking with the
 * forum's only active model in the version then in force over the proposals submitted then, each request's row,
 * the forum's pools and the meetings still to come at `at`.
 */
export function forumPortfolioAsOf(state: PortfolioHistoryState, organisationId: string, forumId: string, at: Date): ForumPortfolio {
  if (state.forums[forumId] !== organisationId) {
    throw new ProblemException({ status: 404, title: 'Forum not found', detail: 'No forum had this id then.', errors: [{ field: 'forumId', reason: 'is not a forum id' }] });
  }
  const ranking = rankingOf(state, forumId);
  const row = (proposalId: string): PortfolioRow | undefined => {
    const project = state.projects[proposalId];
    return project && project.organisationId === organisationId ? toPortfolioRow(project) : undefined;
  };
  const pools = Object.values(state.pools)
    .filter((p) => p.organisationId === organisationId && p.forumId === forumId)
    .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const meetings = Object.values(state.meetings)
    .filter((m) => m.organisationId === organisationId && m.forumId === forumId && m.status === 'scheduled' && new Date(m.startsAt).getTime() >= at.getTime())
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return {
    forumId,
    scoringModel: ranking && { id: ranking.basis.modelId, version: ranking.basis.modelVersion, inputsHash: ranking.basis.inputsHash },
    prioritised: (ranking?.rows ?? []).flatMap((r) => {
      const found = row(r.proposalId);
      return found ? [{ rank: r.rank, weightedScore: r.weightedScore.normalised, ...found }] : [];
    }),
    unprioritised: (ranking?.unscored ?? []).flatMap((id) => row(id) ?? []),
    pools: pools.map((p) => {
      const money = (minor: number): Money => ({ amountMinor: minor, currency: p.currency as Currency });
      const paidBack = p.paidBackMinor;
      return {
        poolId: p.id,
        year: p.year,
        name: p.name,
        amount: money(p.amountMinor),
        committed: money(p.committedMinor),
        paidBack: money(paidBack),
        available: money(p.amountMinor - p.committedMinor + paidBack),
      };
    }),
    upcomingMeetings: meetings.map((m) => ({ meetingId: m.meetingId, startsAt: m.startsAtLocal })),
  };
}

/** Null when the forum had no active model then (it did not score); several active models and none named is ambiguous. */
function rankingOf(state: PortfolioHistoryState, forumId: string) {
  const active = Object.values(state.models)
    .filter((m) => m.forumId === forumId && m.status === 'active')
    .sort((a, b) => (a.modelId < b.modelId ? -1 : 1));
  if (active.length === 0) return null;
  if (active.length > 1) throw new AmbiguousScoringModel(forumId, active.map((m) => m.modelId));
  const model = active[0].versions[active[0].versions.length - 1];
  const entries: RankingEntry[] = Object.values(state.projects)
    .filter((p) => p.proposalStatus === 'submitted' && state.submittedAt[p.proposalId] !== undefined)
    .map((p) => ({
      proposalId: p.proposalId,
      title: p.title,
      submittedAt: state.submittedAt[p.proposalId],
      requestedAmount: p.developmentCostMinor === null || p.currency === null ? null : { amountMinor: p.developmentCostMinor, currency: p.currency as Currency },
      scores: state.scoreSets[scoreSetKey(forumId, model.modelId, model.version, p.proposalId)]?.scores ?? null,
    }));
  return rankProposals(model, entries);
}

/** A page of the forum's list, as the live view pages it: its prioritised requests in rank order, then the unprioritised. */
export interface ForumPortfolioPageAsOf extends ForumPortfolio {
  readonly page: { readonly offset: number; readonly limit: number; readonly prioritisedTotal: number; readonly unprioritisedTotal: number; readonly nextCursor: string | null };
}

export function pageOfForumPortfolio(portfolio: ForumPortfolio, offset: number, limit: number): ForumPortfolioPageAsOf {
  const total = portfolio.prioritised.length + portfolio.unprioritised.length;
  const end = Math.min(total, offset + limit);
  const prioritisedEnd = Math.min(end, portfolio.prioritised.length);
  const nextOffset = end < total ? end : null;
  return {
    ...portfolio,
    prioritised: portfolio.prioritised.slice(Math.min(offset, prioritisedEnd), prioritisedEnd),
    unprioritised: portfolio.unprioritised.slice(Math.max(offset - portfolio.prioritised.length, 0), Math.max(end - portfolio.prioritised.length, 0)),
    page: {
      offset,
      limit,
      prioritisedTotal: portfolio.prioritised.length,
      unprioritisedTotal: portfolio.unprioritised.length,
      nextCursor: nextOffset === null ? null : encodeOffset(nextOffset),
    },
  };
}
