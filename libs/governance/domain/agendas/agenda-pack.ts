/**
 * Everything the forum sees when an agenda is frozen, gathered by the application layer from the other contexts
 * (proposals, prioritisation, funding) at that moment. Frozen, it is the basis decisions point to, so it holds
 * copies, never references: amending a proposal later changes nothing here. Plain JSON only (see canonical-json.ts).
 */
import type { Money } from '../../../shared-kernel/money.js';
import type { AgendaItemKind, DecisionAsked } from './agenda-item.js';

export interface AgendaPack {
  readonly meeting: { readonly meetingId: string; readonly forumId: string; readonly startsAt: string };
  /** The model the scores below were computed with; null when the forum does not score (no item may carry scores). */
  readonly scoringModel: ScoringModelRef | null;
  /** Herning attaches the development pool's balance to every agenda; null when the forum has no pool. */
  readonly fundingPool: FundingPoolBalance | null;
  /** The agenda's items in order, each as the forum sees it. */
  readonly items: readonly AgendaPackItem[];
  /** The forum's current view of the requests (seed 002 p. 19): ranked ones, and those not yet prioritised. */
  readonly prioritisedRequests: readonly RequestSummary[];
  readonly unprioritisedRequests: readonly RequestSummary[];
}

export interface ScoringModelRef {
  readonly id: string;
  readonly version: number;
}

export interface FundingPoolBalance {
  readonly poolId: string;
  readonly year: number;
  readonly amount: Money;
  readonly committed: Money;
  /** Negative when the pool is over-committed. */
  readonly available: Money;
}

export interface AgendaPackItem {
  readonly itemId: string;
  /** 1-based position on the agenda. */
  readonly order: number;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly proposalId: string | null;
  readonly decisionAsked: DecisionAsked | null;
  /** Required for a decision item; a follow-up or information item may carry one. */
  readonly proposal: ProposalSnapshot | null;
  readonly scores: ItemScores | null;
}

/** The proposal as it stood: its stream version and its content (title, department, costs, status, classification...). */
export interface ProposalSnapshot {
  readonly proposalId: string;
  readonly version: number;
  readonly content: Readonly<Record<string, unknown>>;
}

export interface ItemScores {
  readonly criteria: readonly CriterionScore[];
  readonly weightedScore: number;
  /** 1-based rank in the forum's prioritisation; null when not ranked. */
  readonly rank: number | null;
}

export interface CriterionScore {
  readonly criterionId: string;
  readonly score: number;
  readonly weight: number;
}

export interface RequestSummary {
  readonly proposalId: string;
  readonly title: string;
  readonly rank: number | null;
  readonly requestedAmount: Money;
}
