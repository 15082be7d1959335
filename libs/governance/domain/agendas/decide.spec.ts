import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import type { AgendaPack } from './agenda-pack.js';
import { frozenRevision, frozenRevisionNumbers, initialAgendaState, latestFrozenRevision } from './agenda-state.js';
import { AgendaCommandType } from './commands.js';
import { hashAgendaPack, verifyPack } from './content-hash.js';
import { agendaDecider } from './decider.js';
import {
  AgendaAlreadyExists,
  AgendaAlreadyFrozen,
  AgendaItemAlreadyExists,
  AgendaItemNotFound,
  AgendaNotFound,
  AgendaNotFrozen,
  InconsistentAgendaHistory,
  InvalidAgenda,
  ProposalAlreadyOnAgenda,
} from './errors.js';
import { AgendaEventType } from './events.js';
import { evolveAgenda } from './evolve.js';
import {
  addItem,
  agendaFrozen,
  agendaPrepared,
  agendaReopened,
  aPack,
  CASE_SYSTEM_FOLLOW_UP,
  DIGITAL_MAIL,
  DRAFT_AGENDA,
  FORUM_ID,
  freezeAgenda,
  itemAdded,
  MEETING_ID,
  NEWS,
  prepareAgenda,
  reopenAgenda,
} from './testing-fixtures.js';

const given = deciderSpec(agendaDecider);
const removeItem = (itemId: string) => ({ type: AgendaCommandType.RemoveItem, data: { meetingId: MEETING_ID, itemId } }) as const;
const reorder = (...itemIds: string[]) => ({ type: AgendaCommandType.ReorderItems, data: { meetingId: MEETING_ID, itemIds } }) as const;

describe('PrepareAgenda', () => {
  it('opens a draft agenda for the meeting, once', () => {
    const state = given([]).when(prepareAgenda()).then([agendaPrepared()]);
    expect(state).toEqual({ status: 'draft', meetingId: MEETING_ID, forumId: FORUM_ID, items: [], revision: 1, frozenRevisions: [] });
    given([agendaPrepared()]).when(prepareAgenda()).then(new AgendaAlreadyExists(MEETING_ID));
  });

  it('needs a forum', () => {
    given([]).when({ type: AgendaCommandType.Prepare, data: { meetingId: MEETING_ID, forumId: ' ' } }).then(new InvalidAgenda('forumId', 'must not be empty'));
  });
});

describe('AddAgendaItem', () => {
  it('appends by default and inserts at a given position', () => {
    given([agendaPrepared()]).when(addItem(DIGITAL_MAIL)).then([itemAdded(DIGITAL_MAIL, 1)]);
    const state = given([agendaPrepared(), itemAdded(DIGITAL_MAIL, 1), itemAdded(NEWS, 2)])
      .when(addItem(CASE_SYSTEM_FOLLOW_UP, 2))
      .then([itemAdded(CASE_SYSTEM_FOLLOW_UP, 2)]);
    expect(state.status !== 'none' && state.items.map((item) => item.itemId)).toEqual(['item-1', 'item-2', 'item-3']);
  });

  it('fills in what does not apply to the kind', () => {
    given([agendaPrepared()])
      .when(addItem({ itemId: 'item-3', kind: 'information', title: 'National strategy 2026' }))
      .then([itemAdded(NEWS, 1)]);
  });

  it('refuses an item on an agenda that does not exist, or twice, or a second decision on the same proposal', () => {
    given([]).when(addItem(DIGITAL_MAIL)).then(new AgendaNotFound(MEETING_ID));
    given(DRAFT_AGENDA).when(addItem(DIGITAL_MAIL)).then(new AgendaItemAlreadyExists('item-1'));
    given(DRAFT_AGENDA)
      .when(addItem({ ...DIGITAL_MAIL, itemId: 'item-9', decisionAsked: 'defer' }))
      .then(new ProposalAlreadyOnAgenda('proposal-1', 'item-1'));
  });

  it.each<[string, Parameters<typeof addItem>[0], InvalidAgenda]>([
    ['a decision without a proposal', { ...DIGITAL_MAIL, proposalId: null }, new InvalidAgenda('item.proposalId', 'a decision item must name its proposal')],
    [
      'a decision without the decision asked for',
      { ...DIGITAL_MAIL, decisionAsked: undefined },
      new InvalidAgenda('item.decisionAsked', 'must be one of approve, reject, defer, request_changes, prioritise, reprioritise, close'),
    ],
    ['a decision asked of an information item', { ...NEWS, decisionAsked: 'approve' }, new InvalidAgenda('item.decisionAsked', 'only a decision item asks for a decision')],
    ['a blank title', { ...NEWS, title: ' ' }, new InvalidAgenda('item.title', 'must not be empty')],
    ['an unknown kind', { ...NEWS, kind: 'gossip' as 'information' }, new InvalidAgenda('item.kind', 'must be one of decision, follow_up, information')],
  ])('refuses %s', (_, item, error) => {
    given([agendaPrepared()]).when(addItem(item)).then(error);
  });

  it('refuses a position beyond the end', () => {
    given([agendaPrepared()]).when(addItem(DIGITAL_MAIL, 2)).then(new InvalidAgenda('position', 'must be from 1 to 1'));
  });
});

describe('RemoveAgendaItem and ReorderAgendaItems', () => {
  it('removes an item', () => {
    const state = given(DRAFT_AGENDA)
      .when(removeItem('item-2'))
      .then([{ type: AgendaEventType.ItemRemoved, data: { meetingId: MEETING_ID, itemId: 'item-2' } }]);
    expect(state.status !== 'none' && state.items).toEqual([DIGITAL_MAIL, NEWS]);
    given(DRAFT_AGENDA).when(removeItem('item-9')).then(new AgendaItemNotFound('item-9'));
  });

  it('reorders to a permutation of the items, and records nothing for the current order', () => {
    const state = given(DRAFT_AGENDA)
      .when(reorder('item-3', 'item-1', 'item-2'))
      .then([{ type: AgendaEventType.ItemsReordered, data: { meetingId: MEETING_ID, itemIds: ['item-3', 'item-1', 'item-2'] } }]);
    expect(state.status !== 'none' && state.items).toEqual([NEWS, DIGITAL_MAIL, CASE_SYSTEM_FOLLOW_UP]);
    given(DRAFT_AGENDA).when(reorder('item-1', 'item-2', 'item-3')).then([]);
  });

  it.each([[['item-1', 'item-2']], [['item-1', 'item-2', 'item-2']], [['item-1', 'item-2', 'item-9']]])('refuses the order %j', (itemIds) => {
    given(DRAFT_AGENDA).when(reorder(...itemIds)).then(new InvalidAgenda('itemIds', 'must list every item on the agenda exactly once'));
  });
});

describe('FreezeAgenda', () => {
  it('records exactly the pack, with its SHA-256 over canonical JSON', () => {
    const state = given(DRAFT_AGENDA).when(freezeAgenda()).then([agendaFrozen()]);
    expect(state).toMatchObject({ status: 'frozen', revision: 1 });
    expect(latestFrozenRevision(state)).toEqual({
      revision: 1,
      pack: aPack(),
      contentHash: hashAgendaPack(aPack()),
      hashAlgorithm: 'sha256',
      canonicalisation: 'sorted-keys-json-v1',
      reopenReason: null,
    });
  });

  it('records a copy: changing the caller’s objects afterwards changes nothing recorded', () => {
    const pack = aPack() as { -readonly [K in keyof AgendaPack]: AgendaPack[K] };
    const [event] = agendaDecider.decide(freezeAgenda(pack), DRAFT_AGENDA.reduce(evolveAgenda, initialAgendaState()));
    (pack.items[0].proposal!.content as Record<string, unknown>).title = 'Amended afterwards';
    pack.prioritisedRequests = [];
    expect(event.type === AgendaEventType.Frozen && event.data.pack).toEqual(aPack());
    expect(event.type === AgendaEventType.Frozen && verifyPack(event.data.pack, event.data.contentHash)).toBe(true);
  });

  it('freezes an agenda with no items, so a meeting can still be sent the pool and the requests', () => {
    const pack = { ...aPack(), items: [], prioritisedRequests: [] };
    given([agendaPrepared()]).when(freezeAgenda(pack)).then([agendaFrozen(pack)]);
  });

  it('refuses a missing agenda', () => {
    given([]).when(freezeAgenda()).then(new AgendaNotFound(MEETING_ID));
  });
});

describe('a frozen agenda', () => {
  const FROZEN = [...DRAFT_AGENDA, agendaFrozen()];

  it('refuses every change to its items', () => {
    given(FROZEN).when(addItem({ itemId: 'item-4', kind: 'information', title: 'Late news' })).then(new AgendaAlreadyFrozen(MEETING_ID, 1));
    given(FROZEN).when(removeItem('item-3')).then(new AgendaAlreadyFrozen(MEETING_ID, 1));
    given(FROZEN).when(reorder('item-3', 'item-2', 'item-1')).then(new AgendaAlreadyFrozen(MEETING_ID, 1));
  });

  it('refuses another pack, and takes the same pack again as a retry that records nothing', () => {
    given(FROZEN).when(freezeAgenda(aPack('Digital mail for all citizens'))).then(new AgendaAlreadyFrozen(MEETING_ID, 1));
    given(FROZEN).when(freezeAgenda(JSON.parse(JSON.stringify(aPack())))).then([]);
  });

  it('is reopened only with a reason, and only when frozen', () => {
    given(DRAFT_AGENDA).when(reopenAgenda()).then(new AgendaNotFrozen(MEETING_ID));
    given(FROZEN).when(reopenAgenda('  ')).then(new InvalidAgenda('reason', 'must state why the frozen pack is superseded'));
    const state = given(FROZEN).when(reopenAgenda()).then([agendaReopened(1)]);
    expect(state).toMatchObject({ status: 'draft', revision: 2 });
  });

  it('after reopening, changes and freezes as revision 2 while revision 1’s pack stays as it was', () => {
    const amended = aPack('Digital mail for citizens and businesses');
    const afterReopen = [...FROZEN, agendaReopened(1)];
    given(afterReopen).when(removeItem('item-3')).then([{ type: AgendaEventType.ItemRemoved, data: { meetingId: MEETING_ID, itemId: 'item-3' } }]);

    const state = given(afterReopen).when(freezeAgenda(amended)).then([agendaFrozen(amended, 2)]);

    expect(frozenRevisionNumbers(state)).toEqual([1, 2]);
    const first = frozenRevision(state, 1)!;
    expect(first).toEqual({ ...agendaFrozen().data, meetingId: undefined, reopenReason: 'The proposal was amended after the freeze' });
    expect(first.pack.items[0].proposal?.content.title).toBe('Digital mail for citizens');
    expect(verifyPack(first.pack, first.contentHash)).toBe(true);
    expect(frozenRevision(state, 2)).toMatchObject({ pack: amended, reopenReason: null });
    expect(frozenRevision(state, 2)!.contentHash).not.toBe(first.contentHash);
    expect(frozenRevision(state, 3)).toBeNull();
  });
});

describe('evolveAgenda', () => {
  it('refuses a history that adds an item before the agenda was prepared', () => {
    expect(() => evolveAgenda(initialAgendaState(), itemAdded(NEWS, 1))).toThrow(InconsistentAgendaHistory);
  });
});
