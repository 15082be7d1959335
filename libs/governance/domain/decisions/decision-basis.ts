/**
 * What a decision is taken on (DESIGN.md principle 4, "A decision carries its basis"): the forum as it stood on the
 * day, the meeting, the frozen agenda revision and what its pack showed about the proposal and the pool. The
 * application layer loads these from their own streams and passes them in; the decider stays pure and copies them
 * into the event, so an auditor reads what the forum saw, not today's data.
 */
import type { FrozenAgendaRevision } from '../agendas/index.js';
import type { IsoDate } from '../forums/calendar-date.js';
import type { DecisionRule, EligibleMember, Mandate } from '../forums/index.js';
import type { InvestmentArea } from '../../../proposals/domain/proposal-form.js';
import { INVESTMENT_AREAS } from '../../../proposals/domain/proposal-form.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { ScoreDecimal } from './score-decimal.js';

/** The forum on the day of the meeting: its mandate, its rule, its voting members that day (`votingMembersOn`). */
export interface DecidingForum {
  readonly forumId: string;
  readonly parentForumId: string | null;
  readonly mandate: Mandate;
  readonly decisionRule: DecisionRule;
  readonly votingMembers: readonly EligibleMember[];
}

export interface DecisionMeeting {
  readonly meetingId: string;
  /** The day the meeting was held (YYYY-MM-DD): the gate rules in force that day judge the decision. */
  readonly heldOn: IsoDate;
}

/** What the frozen pack showed about this proposal. */
export interface AgendaProposalSummary {
  /** 1-based rank in the forum's prioritisation; null when not ranked. */
  readonly rank: number | null;
  /** The normalised weighted score "0.00".."100.00"; null when not scored. */
  readonly weightedScore: ScoreDecimal | null;
  /** The pack held a business case for the proposal. */
  readonly hasBusinessCase: boolean;
  /** The benefit owner the pack named; null when none. */
  readonly benefitOwnerId: string | null;
  /** For the mandate check; null when the pack did not state it. */
  readonly departmentId: string | null;
  readonly investmentArea: InvestmentArea | null;
}

/** The pool's balance as the pack showed it (Herning attaches it to every agenda). */
export interface PoolBalanceSeen {
  readonly poolId: string;
  /** Negative when the pool was over-committed. */
  readonly available: Money;
}

/** The agenda revision the decision is taken on. */
export interface DecisionAgenda {
  readonly meetingId: string;
  readonly revision: number;
  readonly contentHash: string;
  /** True when this revision is frozen and still stands (the agenda was not reopened since). */
  readonly frozen: boolean;
  /** The proposals the agenda's items are about, in agenda order. */
  readonly itemProposalIds: readonly string[];
  readonly proposal: AgendaProposalSummary;
  /** Null when the pack showed no pool. */
  readonly fundingPool: PoolBalanceSeen | null;
}

/** What a forum's pack cannot say about a proposal: the application layer adds it from the other contexts. */
export interface AgendaProposalExtras {
  /** The normalised score "0.00".."100.00" the pack's scores stand for; the pack's number has no fixed scale. */
  readonly weightedScore: ScoreDecimal | null;
  readonly hasBusinessCase: boolean;
  readonly benefitOwnerId: string | null;
}

/**
 * The agenda of a decision from a frozen revision (`frozenRevision(agendaState, n)`): its meeting, revision and
 * hash, the proposals its items are about, the pool's balance, and from the pack's item the rank, the department
 * and the investment area as the forum saw them. `standing` is whether the revision still stands (the agenda is
 * frozen at it); a superseded revision has a reopen reason and never stands.
 */
export function decisionAgendaFrom(
  frozen: FrozenAgendaRevision,
  proposalId: string,
  standing: boolean,
  extras: AgendaProposalExtras,
): DecisionAgenda {
  const { pack } = frozen;
  const item = pack.items.find((candidate) => candidate.proposalId === proposalId) ?? null;
  const ranked = pack.prioritisedRequests.find((request) => request.proposalId === proposalId) ?? null;
  const content = item?.proposal?.content ?? {};
  const departmentId = typeof content['departmentId'] === 'string' ? content['departmentId'] : null;
  const area = content['investmentArea'];
  return {
    meetingId: pack.meeting.meetingId,
    revision: frozen.revision,
    contentHash: frozen.contentHash,
    frozen: standing && frozen.reopenReason === null,
    itemProposalIds: pack.items.flatMap((candidate) => (candidate.proposalId === null ? [] : [candidate.proposalId])),
    proposal: {
      rank: item?.scores?.rank ?? ranked?.rank ?? null,
      weightedScore: extras.weightedScore,
      hasBusinessCase: extras.hasBusinessCase,
      benefitOwnerId: extras.benefitOwnerId,
      departmentId,
      investmentArea: (INVESTMENT_AREAS as readonly unknown[]).includes(area) ? (area as InvestmentArea) : null,
    },
    fundingPool: pack.fundingPool === null ? null : { poolId: pack.fundingPool.poolId, available: pack.fundingPool.available },
  };
}
