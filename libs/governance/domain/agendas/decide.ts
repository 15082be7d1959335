import { normaliseAgendaItem } from './agenda-item.js';
import type { ExistingAgenda, AgendaState } from './agenda-state.js';
import { canonicalJson, CANONICALISATION } from './canonical-json.js';
import {
  AgendaCommandType,
  type AddAgendaItem,
  type AgendaCommand,
  type FreezeAgenda,
  type PrepareAgenda,
  type RemoveAgendaItem,
  type ReopenAgenda,
  type ReorderAgendaItems,
} from './commands.js';
import { HASH_ALGORITHM, hashAgendaPack, verifyPack } from './content-hash.js';
import {
  AgendaAlreadyExists,
  AgendaAlreadyFrozen,
  AgendaItemAlreadyExists,
  AgendaItemNotFound,
  AgendaNotFound,
  AgendaNotFrozen,
  InvalidAgenda,
  ProposalAlreadyOnAgenda,
} from './errors.js';
import { AgendaEventType, type AgendaEvent } from './events.js';
import type { AgendaPack } from './agenda-pack.js';
import { validateAgendaPack } from './validate-agenda-pack.js';

/**
 * The rules of a meeting's agenda: items are added, removed and reordered while it is a draft; freezing records the
 * pack the forum will see, with its content hash; a frozen agenda changes only after an explicit reopen, and the next
 * freeze is a new revision. Returns the events to record or throws a DomainError.
 */
export function decideAgenda(command: AgendaCommand, state: AgendaState): AgendaEvent[] {
  switch (command.type) {
    case AgendaCommandType.Prepare:
      return prepare(command, state);
    case AgendaCommandType.AddItem:
      return addItem(command, state);
    case AgendaCommandType.RemoveItem:
      return removeItem(command, state);
    case AgendaCommandType.ReorderItems:
      return reorderItems(command, state);
    case AgendaCommandType.Freeze:
      return freeze(command, state);
    case AgendaCommandType.Reopen:
      return reopen(command, state);
  }
}

function prepare({ data }: PrepareAgenda, state: AgendaState): AgendaEvent[] {
  if (state.status !== 'none') throw new AgendaAlreadyExists(data.meetingId);
  if (isBlank(data.meetingId)) throw new InvalidAgenda('meetingId', 'must not be empty');
  if (isBlank(data.forumId)) throw new InvalidAgenda('forumId', 'must not be empty');
  return [{ type: AgendaEventType.Prepared, data: { meetingId: data.meetingId, forumId: data.forumId } }];
}

function addItem({ data }: AddAgendaItem, state: AgendaState): AgendaEvent[] {
  const agenda = draft(state, data.meetingId);
  const item = normaliseAgendaItem(data.item);
  if (agenda.items.some((existing) => existing.itemId === item.itemId)) throw new AgendaItemAlreadyExists(item.itemId);
  const sameDecision = agenda.items.find((existing) => existing.kind === 'decision' && existing.proposalId === item.proposalId);
  if (item.kind === 'decision' && sameDecision) throw new ProposalAlreadyOnAgenda(item.proposalId!, sameDecision.itemId);
  const position = data.position ?? agenda.items.length + 1;
  if (!Number.isInteger(position) || position < 1 || position > agenda.items.length + 1) {
    throw new InvalidAgenda('position', `must be from 1 to ${agenda.items.length + 1}`);
  }
  return [{ type: AgendaEventType.ItemAdded, data: { meetingId: agenda.meetingId, item, position } }];
}

function removeItem({ data }: RemoveAgendaItem, state: AgendaState): AgendaEvent[] {
  const agenda = draft(state, data.meetingId);
  if (!agenda.items.some((item) => item.itemId === data.itemId)) throw new AgendaItemNotFound(data.itemId);
  return [{ type: AgendaEventType.ItemRemoved, data: { meetingId: agenda.meetingId, itemId: data.itemId } }];
}

function reorderItems({ data }: ReorderAgendaItems, state: AgendaState): AgendaEvent[] {
  const agenda = draft(state, data.meetingId);
  const current = agenda.items.map((item) => item.itemId);
  const itemIds = Array.isArray(data.itemIds) ? [...data.itemIds] : [];
  const isPermutation =
    itemIds.length === current.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => current.includes(id));
  if (!isPermutation) throw new InvalidAgenda('itemIds', 'must list every item on the agenda exactly once');
  if (itemIds.every((id, index) => id === current[index])) return [];
  return [{ type: AgendaEventType.ItemsReordered, data: { meetingId: agenda.meetingId, itemIds } }];
}

/**
 * Records a copy of the pack (through canonical JSON, so later changes to the caller's objects cannot reach it) and
 * its hash. Freezing the same pack again is a harmless retry; freezing another one needs a reopen first.
 */
function freeze({ data }: FreezeAgenda, state: AgendaState): AgendaEvent[] {
  const agenda = existing(state, data.meetingId);
  if (agenda.status === 'frozen') {
    const standing = agenda.frozenRevisions.at(-1)!;
    if (verifyPack(data.pack, standing.contentHash)) return [];
    throw new AgendaAlreadyFrozen(agenda.meetingId, agenda.revision);
  }
  validateAgendaPack(data.pack, agenda);
  const pack = JSON.parse(canonicalJson(data.pack)) as AgendaPack;
  return [
    {
      type: AgendaEventType.Frozen,
      data: {
        meetingId: agenda.meetingId,
        revision: agenda.revision,
        pack,
        contentHash: hashAgendaPack(pack),
        hashAlgorithm: HASH_ALGORITHM,
        canonicalisation: CANONICALISATION,
      },
    },
  ];
}

function reopen({ data }: ReopenAgenda, state: AgendaState): AgendaEvent[] {
  const agenda = existing(state, data.meetingId);
  if (agenda.status !== 'frozen') throw new AgendaNotFrozen(agenda.meetingId);
  if (isBlank(data.reason)) throw new InvalidAgenda('reason', 'must state why the frozen pack is superseded');
  return [
    {
      type: AgendaEventType.Reopened,
      data: { meetingId: agenda.meetingId, supersededRevision: agenda.revision, revision: agenda.revision + 1, reason: data.reason },
    },
  ];
}

function existing(state: AgendaState, meetingId: string): ExistingAgenda {
  if (state.status === 'none') throw new AgendaNotFound(meetingId);
  return state;
}

/** The agenda, if its items may still change. */
function draft(state: AgendaState, meetingId: string): ExistingAgenda {
  const agenda = existing(state, meetingId);
  if (agenda.status === 'frozen') throw new AgendaAlreadyFrozen(agenda.meetingId, agenda.revision);
  return agenda;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
