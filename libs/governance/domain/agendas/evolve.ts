import type { AgendaItem } from './agenda-item.js';
import type { AgendaState, ExistingAgenda } from './agenda-state.js';
import { InconsistentAgendaHistory } from './errors.js';
import { AgendaEventType, type AgendaEvent } from './events.js';

/**
 * Folds one recorded fact into the agenda. Every frozen revision is kept as recorded, so the pack a decision was
 * taken on stays answerable after reopening and refreezing.
 */
export function evolveAgenda(state: AgendaState, event: AgendaEvent): AgendaState {
  switch (event.type) {
    case AgendaEventType.Prepared: {
      if (state.status !== 'none') throw new InconsistentAgendaHistory(event.type, 'the agenda exists');
      const { meetingId, forumId } = event.data;
      return { status: 'draft', meetingId, forumId, items: [], revision: 1, frozenRevisions: [] };
    }
    case AgendaEventType.ItemAdded: {
      const agenda = existing(state, event);
      const items = [...agenda.items];
      items.splice(event.data.position - 1, 0, event.data.item);
      return { ...agenda, items };
    }
    case AgendaEventType.ItemRemoved: {
      const agenda = existing(state, event);
      return { ...agenda, items: agenda.items.filter((item) => item.itemId !== event.data.itemId) };
    }
    case AgendaEventType.ItemsReordered: {
      const agenda = existing(state, event);
      const byId = new Map(agenda.items.map((item) => [item.itemId, item]));
      const items = event.data.itemIds.map((itemId): AgendaItem => {
        const item = byId.get(itemId);
        if (!item) throw new InconsistentAgendaHistory(event.type, `item ${itemId} is not on the agenda`);
        return item;
      });
      return { ...agenda, items };
    }
    case AgendaEventType.Frozen: {
      const agenda = existing(state, event);
      const { revision, pack, contentHash, hashAlgorithm, canonicalisation } = event.data;
      const frozen = { revision, pack, contentHash, hashAlgorithm, canonicalisation, reopenReason: null };
      return { ...agenda, status: 'frozen', revision, frozenRevisions: [...agenda.frozenRevisions, frozen] };
    }
    case AgendaEventType.Reopened: {
      const agenda = existing(state, event);
      const { supersededRevision, revision, reason } = event.data;
      const frozenRevisions = agenda.frozenRevisions.map((frozen) =>
        frozen.revision === supersededRevision ? { ...frozen, reopenReason: reason } : frozen,
      );
      return { ...agenda, status: 'draft', revision, frozenRevisions };
    }
  }
}

function existing(state: AgendaState, event: AgendaEvent): ExistingAgenda {
  if (state.status === 'none') throw new InconsistentAgendaHistory(event.type, 'the agenda was never prepared');
  return state;
}
