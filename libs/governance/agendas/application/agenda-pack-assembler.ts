import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../event-store/index.js';
import { proposalStream } from '../../../proposals/application/proposal-decider.js';
import { foldProposalView, type ProposalView } from '../../../proposals/application/proposal-view.js';
import type { Currency, Money } from '../../../shared-kernel/money.js';
import type {
  AgendaPack,
  AgendaPackItem,
  ExistingAgenda,
  FundingPoolBalance,
  ItemScores,
  ProposalSnapshot,
  RequestSummary,
  ScoringModelRef,
} from '../../domain/agendas/index.js';
import { FORUM_RANKING_PORT, type ForumRanking, type ForumRankingPort, type ForumRankingRow } from './ports/forum-ranking.port.js';
import { FUNDING_POOL_PORT, type FundingPoolPort } from './ports/funding-pool.port.js';

/**
 * A source the pack must be assembled from does not exist for the acting organisation: a proposal on the agenda,
 * the scoring model or the funding pool the client named. `field` names the request field or agenda item at fault.
 */
export class AgendaPackSourceNotFound extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AgendaPackSourceNotFound';
  }
}

export interface AssembleAgendaPack {
  readonly organisationId: string;
  readonly agenda: ExistingAgenda;
  /** The meeting as its calendar holds it now. */
  readonly meeting: { readonly meetingId: string; readonly forumId: string; readonly startsAt: string };
  /** The model to rank with; the forum's current model when left out. */
  readonly scoringModelId?: string;
  /** The pool whose balance the forum sees; none when left out. */
  readonly fundingPoolId?: string;
}

/** What the pack records of the ranking it was built from, beyond the model's id and version. */
export interface RankedScoringModelRef extends ScoringModelRef {
  /** The ranking's inputs hash: with the model version, it pins the exact ranking the forum saw. */
  readonly rankingInputsHash: string;
}

/** When the ranking states no requested amount, the pack (whose summaries need one) records zero. */
const FALLBACK_CURRENCY: Currency = 'DKK';

/**
 * Gathers, at freeze time, everything the forum will see (DESIGN principle 4): each item's proposal as it stands
 * (content and stream version, copied, never referenced), its scores, weighted score and rank in the forum's
 * ranking, the scoring model it was ranked with, the funding pool's balance, and the prioritised (ranked) and
 * unprioritised (unscored) requests. The pack depends only on those sources: assembling twice with nothing changed
 * gives the same pack and so the same content hash, which makes a retried freeze a no-op. Lists whose order means
 * nothing are sorted (unprioritised requests by proposal id); ranked lists follow the rank; items the agenda order.
 */
@Injectable()
export class AgendaPackAssembler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FORUM_RANKING_PORT) private readonly ranking: ForumRankingPort,
    @Inject(FUNDING_POOL_PORT) private readonly pools: FundingPoolPort,
  ) {}

  async assemble(input: AssembleAgendaPack): Promise<AgendaPack> {
    const { organisationId, agenda, meeting } = input;
    const [ranking, fundingPool, proposals] = await Promise.all([
      this.rankingFor(input),
      this.poolFor(input),
      this.proposalsOf(agenda, organisationId),
    ]);
    const rows = new Map((ranking?.rows ?? []).map((row) => [row.proposalId, row]));
    const currency = fundingPool?.amount.currency ?? firstCurrency(ranking) ?? FALLBACK_CURRENCY;

    const items = agenda.items.map((item, index): AgendaPackItem => {
      const proposal = item.proposalId === null ? null : proposals.get(item.proposalId)!;
      const row = item.proposalId === null ? undefined : rows.get(item.proposalId);
      return {
        itemId: item.itemId,
        order: index + 1,
        kind: item.kind,
        title: item.title,
        proposalId: item.proposalId,
        decisionAsked: item.decisionAsked,
        proposal: proposal && snapshotOf(proposal),
        scores: proposal && row ? scoresOf(row) : null,
      };
    });

    const prioritised = [...(ranking?.rows ?? [])]
      .sort((a, b) => a.rank - b.rank || compare(a.proposalId, b.proposalId))
      .map((row): RequestSummary => ({ proposalId: row.proposalId, title: row.title, rank: row.rank, requestedAmount: row.requestedAmount ?? zero(currency) }));
    const unprioritised = [...(ranking?.unscored ?? [])]
      .filter((request) => !rows.has(request.proposalId))
      .filter((request, index, all) => all.findIndex((other) => other.proposalId === request.proposalId) === index)
      .sort((a, b) => compare(a.proposalId, b.proposalId))
      .map((request): RequestSummary => ({ proposalId: request.proposalId, title: request.title, rank: null, requestedAmount: request.requestedAmount ?? zero(currency) }));

    const scoringModel: RankedScoringModelRef | null = ranking && {
      id: ranking.basis.modelId,
      version: ranking.basis.modelVersion,
      rankingInputsHash: ranking.basis.inputsHash,
    };
    return {
      meeting: { meetingId: meeting.meetingId, forumId: meeting.forumId, startsAt: meeting.startsAt },
      scoringModel,
      fundingPool,
      items,
      prioritisedRequests: prioritised,
      unprioritisedRequests: unprioritised,
    };
  }

  private async rankingFor({ organisationId, meeting, scoringModelId }: AssembleAgendaPack): Promise<ForumRanking | null> {
    const ranking = await this.ranking.rank(organisationId, meeting.forumId, scoringModelId);
    if (ranking === null && scoringModelId !== undefined) {
      throw new AgendaPackSourceNotFound('scoringModelId', 'the forum has no ranking with this scoring model');
    }
    return ranking;
  }

  private async poolFor({ organisationId, fundingPoolId }: AssembleAgendaPack): Promise<FundingPoolBalance | null> {
    if (fundingPoolId === undefined) return null;
    const pool = await this.pools.balance(organisationId, fundingPoolId);
    if (pool === null) throw new AgendaPackSourceNotFound('fundingPoolId', 'the organisation has no funding pool with this id');
    const { poolId, year, amount, committed, available } = pool;
    return { poolId, year, amount: money(amount), committed: money(committed), available: money(available) };
  }

  /** Every proposal on the agenda, read from its own stream now; one of another organisation is not there. */
  private async proposalsOf(agenda: ExistingAgenda, organisationId: string): Promise<Map<string, ProposalView>> {
    const ids = [...new Set(agenda.items.map((item) => item.proposalId).filter((id): id is string => id !== null))];
    const views = await Promise.all(ids.map(async (id) => foldProposalView(await this.store.readStream(proposalStream(id)))));
    const found = new Map<string, ProposalView>();
    ids.forEach((id, index) => {
      const view = views[index];
      if (view === null || view.organisationId !== organisationId) {
        const at = agenda.items.findIndex((item) => item.proposalId === id);
        throw new AgendaPackSourceNotFound(`items[${at}].proposalId`, `no proposal ${id} of this organisation exists`);
      }
      found.set(id, view);
    });
    return found;
  }
}

/** The proposal's content as it stands, as plain JSON (no undefined, no Dates). */
function snapshotOf(view: ProposalView): ProposalSnapshot {
  const content = {
    title: view.form.title,
    departmentId: view.form.departmentId,
    status: view.status,
    form: view.form,
    classification: view.classification,
    withdrawalReason: view.withdrawalReason,
    submittedAt: view.submittedAt,
    updatedAt: view.updatedAt,
  };
  return { proposalId: view.id, version: view.version, content: JSON.parse(JSON.stringify(content)) as Record<string, unknown> };
}

function scoresOf(row: ForumRankingRow): ItemScores {
  const weightedScore = Number(row.weightedScore.normalised);
  if (!Number.isFinite(weightedScore)) throw new Error(`ranking row ${row.proposalId}: weighted score "${row.weightedScore.normalised}" is not a number`);
  return {
    criteria: (row.scores ?? []).map(({ criterionId, score, weight }) => ({ criterionId, score, weight })),
    weightedScore,
    rank: row.rank,
  };
}

function firstCurrency(ranking: ForumRanking | null): Currency | undefined {
  return [...(ranking?.rows ?? []), ...(ranking?.unscored ?? [])].find((request) => request.requestedAmount)?.requestedAmount?.currency;
}

const zero = (currency: Currency): Money => ({ amountMinor: 0, currency });
const money = ({ amountMinor, currency }: Money): Money => ({ amountMinor, currency });
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
