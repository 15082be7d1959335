import { describe, expect, it } from '@jest/globals';
import type { EventStore, RecordedEvent } from '../../../event-store/index.js';
import { classifyProposal, completeDraftForm, ProposalEventType, type ProposalForm } from '../../../proposals/domain/index.js';
import type { Money } from '../../../shared-kernel/money.js';
import {
  AgendaCommandType,
  AgendaEventType,
  decideAgenda,
  type AgendaItem,
  type ExistingAgenda,
} from '../../domain/agendas/index.js';
import { AgendaPackAssembler, AgendaPackSourceNotFound } from './agenda-pack-assembler.js';
import type { ForumRanking, ForumRankingPort } from './ports/forum-ranking.port.js';
import { NoForumRanking } from './ports/forum-ranking.port.js';
import { NoFundingPools, type FundingPoolPort } from './ports/funding-pool.port.js';

const dkk = (kroner: number): Money => ({ amountMinor: kroner * 100, currency: 'DKK' });
const MEETING = { meetingId: '0b4f1c52-63a4-5d1e-8f1a-2b3c4d5e6f70', forumId: 'forum-1', startsAt: '2026-03-03T14:00:00+01:00' };

/** An event store holding only proposal streams: the assembler reads nothing else. */
function storeWith(proposals: Record<string, { organisationId: string; title: string }>): EventStore {
  const streams = new Map<string, RecordedEvent[]>();
  for (const [proposalId, { organisationId, title }] of Object.entries(proposals)) {
    const form: ProposalForm = completeDraftForm({ title, departmentId: 'it' });
    streams.set(`proposal-${proposalId}`, [
      {
        eventId: `${proposalId}-1`,
        type: ProposalEventType.Drafted,
        data: { proposalId, organisationId, form, classification: classifyProposal(form) },
        metadata: { actor: { subject: 'anna', roles: [] }, correlationId: 'c' },
        schemaVersion: 1,
        streamId: `proposal-${proposalId}`,
        streamPosition: 1,
        globalPosition: 1n,
        position: { commit: 1n, prepare: 1n },
        recordedAt: new Date('2026-02-01T10:00:00Z'),
      },
    ]);
  }
  return { readStream: async (streamId: string) => streams.get(streamId) ?? [] } as unknown as EventStore;
}

function agendaOf(items: AgendaItem[]): ExistingAgenda {
  return { status: 'draft', meetingId: MEETING.meetingId, forumId: MEETING.forumId, items, revision: 1, frozenRevisions: [] };
}

const ITEMS: AgendaItem[] = [
  { itemId: 'i-1', kind: 'decision', title: 'Approve digital mail', proposalId: 'p-mail', decisionAsked: 'approve' },
  { itemId: 'i-2', kind: 'follow_up', title: 'Room booking', proposalId: 'p-rooms', decisionAsked: null },
  { itemId: 'i-3', kind: 'information', title: 'Strategy', proposalId: null, decisionAsked: null },
];

const RANKING: ForumRanking = {
  basis: { modelId: 'herning-importance', modelVersion: 3, inputsHash: 'a'.repeat(64) },
  rows: [
    {
      rank: 2,
      proposalId: 'p-mail',
      title: 'Digital mail',
      requestedAmount: dkk(600_000),
      weightedScore: { normalised: '62.50' },
      scores: [
        { criterionId: 'legal', score: 5, weight: 3 },
        { criterionId: 'citizens', score: 3, weight: 2 },
      ],
    },
    { rank: 1, proposalId: 'p-law', title: 'Archive law', requestedAmount: null, weightedScore: { normalised: '90.00' } },
  ],
  unscored: [
    { proposalId: 'p-zeta', title: 'Zeta', requestedAmount: dkk(100) },
    { proposalId: 'p-rooms', title: 'Room booking', requestedAmount: dkk(50_000) },
  ],
};

const ranking = (answer: ForumRanking | null): ForumRankingPort & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return { calls, rank: async (...args: unknown[]) => (calls.push(args), answer) };
};
const pools: FundingPoolPort = {
  balance: async (_organisationId, poolId) =>
    poolId === 'dev-2026' ? { poolId, year: 2026, amount: dkk(5_000_000), committed: dkk(5_600_000), available: dkk(-600_000) } : null,
};
const PROPOSALS = { 'p-mail': { organisationId: 'herning', title: 'Digital mail' }, 'p-rooms': { organisationId: 'herning', title: 'Room booking' } };

describe('AgendaPackAssembler', () => {
  it('assembles items with proposals and scores, the model, the pool and both request lists, and the domain freezes it', async () => {
    const port = ranking(RANKING);
    const assembler = new AgendaPackAssembler(storeWith(PROPOSALS), port, pools);
    const agenda = agendaOf(ITEMS);
    const pack = await assembler.assemble({ organisationId: 'herning', agenda, meeting: MEETING, scoringModelId: 'herning-importance', fundingPoolId: 'dev-2026' });

    expect(port.calls).toEqual([['herning', 'forum-1', 'herning-importance']]);
    expect(pack.scoringModel).toEqual({ id: 'herning-importance', version: 3, rankingInputsHash: 'a'.repeat(64) });
    expect(pack.fundingPool).toEqual({ poolId: 'dev-2026', year: 2026, amount: dkk(5_000_000), committed: dkk(5_600_000), available: dkk(-600_000) });
    expect(pack.items.map((item) => [item.order, item.proposal?.version ?? null, item.scores])).toEqual([
      [1, 1, { criteria: [{ criterionId: 'legal', score: 5, weight: 3 }, { criterionId: 'citizens', score: 3, weight: 2 }], weightedScore: 62.5, rank: 2 }],
      [2, 1, null],
      [3, null, null],
    ]);
    expect(pack.items[0].proposal?.content).toMatchObject({ title: 'Digital mail', status: 'draft', form: { title: 'Digital mail', departmentId: 'it' } });
    // ranked by rank; an unstated amount is recorded as zero in the pool's currency
    expect(pack.prioritisedRequests).toEqual([
      { proposalId: 'p-law', title: 'Archive law', rank: 1, requestedAmount: dkk(0) },
      { proposalId: 'p-mail', title: 'Digital mail', rank: 2, requestedAmount: dkk(600_000) },
    ]);
    // not prioritised: sorted by proposal id, whatever order the ranking gave
    expect(pack.unprioritisedRequests.map((r) => r.proposalId)).toEqual(['p-rooms', 'p-zeta']);

    const events = decideAgenda({ type: AgendaCommandType.Freeze, data: { meetingId: MEETING.meetingId, pack } }, agenda);
    expect(events.map((e) => e.type)).toEqual([AgendaEventType.Frozen]);
  });

  it('is deterministic: the same sources in another order give the same pack', async () => {
    const shuffled: ForumRanking = { ...RANKING, rows: [...RANKING.rows].reverse(), unscored: [...RANKING.unscored].reverse() };
    const a = await new AgendaPackAssembler(storeWith(PROPOSALS), ranking(RANKING), pools).assemble({ organisationId: 'herning', agenda: agendaOf(ITEMS), meeting: MEETING });
    const b = await new AgendaPackAssembler(storeWith(PROPOSALS), ranking(shuffled), pools).assemble({ organisationId: 'herning', agenda: agendaOf(ITEMS), meeting: MEETING });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('with the default adapters: no model, no pool, no scores, empty request lists', async () => {
    const pack = await new AgendaPackAssembler(storeWith(PROPOSALS), new NoForumRanking(), new NoFundingPools()).assemble({
      organisationId: 'herning',
      agenda: agendaOf(ITEMS),
      meeting: MEETING,
    });
    expect(pack).toMatchObject({ scoringModel: null, fundingPool: null, prioritisedRequests: [], unprioritisedRequests: [] });
    expect(pack.items.map((item) => item.scores)).toEqual([null, null, null]);
  });

  it('names the source it cannot find: a model, a pool, a proposal of another organisation', async () => {
    const none = new AgendaPackAssembler(storeWith(PROPOSALS), new NoForumRanking(), pools);
    const input = { organisationId: 'herning', agenda: agendaOf(ITEMS), meeting: MEETING };
    await expect(none.assemble({ ...input, scoringModelId: 'gone' })).rejects.toMatchObject({ field: 'scoringModelId' });
    await expect(none.assemble({ ...input, fundingPoolId: 'gone' })).rejects.toMatchObject({ field: 'fundingPoolId' });
    const foreign = new AgendaPackAssembler(storeWith({ ...PROPOSALS, 'p-rooms': { organisationId: 'viborg', title: 'Theirs' } }), new NoForumRanking(), pools);
    const error = await foreign.assemble(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaPackSourceNotFound);
    expect(error).toMatchObject({ field: 'items[1].proposalId' });
  });
});
