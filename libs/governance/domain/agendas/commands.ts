import type { AgendaItemInput } from './agenda-item.js';
import type { AgendaPack } from './agenda-pack.js';

/** What the programme office asks of a meeting's agenda (one agenda per meeting, identified by the meeting id). */
export const AgendaCommandType = {
  Prepare: 'PrepareAgenda',
  AddItem: 'AddAgendaItem',
  RemoveItem: 'RemoveAgendaItem',
  ReorderItems: 'ReorderAgendaItems',
  Freeze: 'FreezeAgenda',
  Reopen: 'ReopenAgenda',
} as const;

export interface PrepareAgenda {
  readonly type: typeof AgendaCommandType.Prepare;
  readonly data: { readonly meetingId: string; readonly forumId: string };
}

export interface AddAgendaItem {
  readonly type: typeof AgendaCommandType.AddItem;
  readonly data: {
    readonly meetingId: string;
    readonly item: AgendaItemInput;
    /** 1-based place to insert at; the end of the agenda when left out. */
    readonly position?: number;
  };
}

export interface RemoveAgendaItem {
  readonly type: typeof AgendaCommandType.RemoveItem;
  readonly data: { readonly meetingId: string; readonly itemId: string };
}

/** The new order: every item id on the agenda, each once. */
export interface ReorderAgendaItems {
  readonly type: typeof AgendaCommandType.ReorderItems;
  readonly data: { readonly meetingId: string; readonly itemIds: readonly string[] };
}

/** Freezes the agenda with the pack the application layer gathered; the domain checks it and hashes it. */
export interface FreezeAgenda {
  readonly type: typeof AgendaCommandType.Freeze;
  readonly data: { readonly meetingId: string; readonly pack: AgendaPack };
}

/** Supersedes the frozen pack: the agenda can change again and the next freeze is a new revision. */
export interface ReopenAgenda {
  readonly type: typeof AgendaCommandType.Reopen;
  readonly data: {
    readonly meetingId: string;
    /** Required: the forum and auditors must see why the pack they were sent was replaced. */
    readonly reason: string;
  };
}

export type AgendaCommand = PrepareAgenda | AddAgendaItem | RemoveAgendaItem | ReorderAgendaItems | FreezeAgenda | ReopenAgenda;
