import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import type { AgendaPack } from './agenda-pack.js';
import { agendaDecider } from './decider.js';
import { InvalidAgendaPack } from './errors.js';
import { agendaFrozen, aPack, dkk, DRAFT_AGENDA, freezeAgenda } from './testing-fixtures.js';

const given = deciderSpec(agendaDecider);
const pack = aPack();
const [decisionItem, followUp, news] = pack.items;

describe('FreezeAgenda checks the pack against the agenda: it refuses one that', () => {
  it.each<[string, AgendaPack, InvalidAgendaPack]>([
    [
      'is for another meeting',
      { ...pack, meeting: { ...pack.meeting, meetingId: 'another-meeting' } },
      new InvalidAgendaPack('meeting.meetingId', `must be the agenda's meeting ${pack.meeting.meetingId}`),
    ],
    ['has a start without an offset', { ...pack, meeting: { ...pack.meeting, startsAt: '2025-03-06T14:00' } }, new InvalidAgendaPack('meeting.startsAt', 'must be an ISO 8601 date-time with an offset')],
    ['lacks an item', { ...pack, items: [decisionItem, followUp] }, new InvalidAgendaPack('items', "must list the agenda's 3 items")],
    ['has the items in another order', { ...pack, items: [followUp, decisionItem, news] }, new InvalidAgendaPack('items[0].itemId', "must match the agenda's item 1")],
    ['retitles an item', { ...pack, items: [decisionItem, { ...followUp, title: 'Other' }, news] }, new InvalidAgendaPack('items[1].title', "must match the agenda's item 2")],
    ['misnumbers an item', { ...pack, items: [decisionItem, followUp, { ...news, order: 4 }] }, new InvalidAgendaPack('items[2].order', "must be 3, the item's place on the agenda")],
    [
      'has a decision without the proposal',
      { ...pack, items: [{ ...decisionItem, proposal: null, scores: null }, followUp, news] },
      new InvalidAgendaPack('items[0].proposal', 'a decision item must carry the proposal as it stands'),
    ],
    [
      'has a snapshot of another proposal',
      { ...pack, items: [{ ...decisionItem, proposal: { ...decisionItem.proposal!, proposalId: 'proposal-2' } }, followUp, news] },
      new InvalidAgendaPack('items[0].proposal.proposalId', "must be the item's proposal"),
    ],
    [
      'has a snapshot without a version',
      { ...pack, items: [{ ...decisionItem, proposal: { ...decisionItem.proposal!, version: 0 } }, followUp, news] },
      new InvalidAgendaPack('items[0].proposal.version', 'must be a positive whole number'),
    ],
    ['has scores but no scoring model', { ...pack, scoringModel: null }, new InvalidAgendaPack('items[0].scores', 'scores need the scoring model they were computed with')],
    [
      'has a score that is not a number',
      { ...pack, items: [{ ...decisionItem, scores: { ...decisionItem.scores!, weightedScore: NaN } }, followUp, news] },
      new InvalidAgendaPack('items[0].scores.weightedScore', 'NaN is not a finite number'),
    ],
    [
      'leaves a value undefined',
      { ...pack, fundingPool: { ...pack.fundingPool!, poolId: undefined as unknown as string } },
      new InvalidAgendaPack('fundingPool.poolId', 'undefined is not a JSON value'),
    ],
    [
      'mixes currencies in the pool',
      { ...pack, fundingPool: { ...pack.fundingPool!, committed: { amountMinor: 0, currency: 'EUR' } } },
      new InvalidAgendaPack('fundingPool', 'amount, committed and available must be in one currency'),
    ],
    [
      'has fractional money',
      { ...pack, fundingPool: { ...pack.fundingPool!, amount: { amountMinor: 0.5, currency: 'DKK' } } },
      new InvalidAgendaPack('fundingPool.amount.amountMinor', 'must be a non-negative whole number of minor units'),
    ],
    [
      'lists a prioritised request without a rank',
      { ...pack, prioritisedRequests: [{ ...pack.prioritisedRequests[0], rank: null }] },
      new InvalidAgendaPack('prioritisedRequests[0].rank', 'a prioritised request must have a rank'),
    ],
    [
      'lists a request as both prioritised and not',
      { ...pack, unprioritisedRequests: [...pack.unprioritisedRequests, { ...pack.prioritisedRequests[0], rank: null }] },
      new InvalidAgendaPack('unprioritisedRequests', 'proposal proposal-1 is listed more than once'),
    ],
    [
      'requests a negative amount',
      { ...pack, unprioritisedRequests: [{ ...pack.unprioritisedRequests[0], requestedAmount: dkk(-1) }] },
      new InvalidAgendaPack('unprioritisedRequests[0].requestedAmount.amountMinor', 'must be a non-negative whole number of minor units'),
    ],
  ])('%s', (_, invalid, error) => {
    given(DRAFT_AGENDA).when(freezeAgenda(invalid)).then(error);
  });

  it('accepts an over-committed pool, whose available amount is negative', () => {
    const overCommitted = { ...pack, fundingPool: { ...pack.fundingPool!, committed: dkk(5_500_000), available: dkk(-500_000) } };
    given(DRAFT_AGENDA).when(freezeAgenda(overCommitted)).then([agendaFrozen(overCommitted)]);
  });
});
