import type { NewEvent } from '../../../event-store/port/index.js';
import type { AgendaItem } from './agenda-item.js';
import type { AgendaPack } from './agenda-pack.js';

/** Facts about a meeting's agenda. When and by whom is the event store's metadata. */
export const AgendaEventType = {
  Prepared: 'AgendaPrepared',
  ItemAdded: 'AgendaItemAdded',
  ItemRemoved: 'AgendaItemRemoved',
  ItemsReordered: 'AgendaItemsReordered',
  Frozen: 'AgendaFrozen',
  Reopened: 'AgendaReopened',
} as const;
export type AgendaEventTypeName = (typeof AgendaEventType)[keyof typeof AgendaEventType];

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface AgendaPreparedData {
  readonly meetingId: string;
  readonly forumId: string;
}

export interface AgendaItemAddedData {
  readonly meetingId: string;
  readonly item: AgendaItem;
  /** 1-based position the item was inserted at. */
  readonly position: number;
}

export interface AgendaItemRemovedData {
  readonly meetingId: string;
  readonly itemId: string;
}

export interface AgendaItemsReorderedData {
  readonly meetingId: string;
  readonly itemIds: readonly string[];
}

/** The pack exactly as frozen, and how to recompute its hash: canonicalise with `canonicalisation`, hash with `hashAlgorithm`. */
export interface AgendaFrozenData {
  readonly meetingId: string;
  /** 1 for the first freeze; each reopen makes the next freeze a new revision. Decisions point to it. */
  readonly revision: number;
  readonly pack: AgendaPack;
  readonly contentHash: string;
  readonly hashAlgorithm: 'sha256';
  readonly canonicalisation: 'sorted-keys-json-v1';
}

export interface AgendaReopenedData {
  readonly meetingId: string;
  /** The frozen revision that no longer stands; it stays in the history. */
  readonly supersededRevision: number;
  /** The revision now being prepared. */
  readonly revision: number;
  readonly reason: string;
}

export type AgendaPrepared = DomainEvent<typeof AgendaEventType.Prepared, AgendaPreparedData>;
export type AgendaItemAdded = DomainEvent<typeof AgendaEventType.ItemAdded, AgendaItemAddedData>;
export type AgendaItemRemoved = DomainEvent<typeof AgendaEventType.ItemRemoved, AgendaItemRemovedData>;
export type AgendaItemsReordered = DomainEvent<typeof AgendaEventType.ItemsReordered, AgendaItemsReorderedData>;
export type AgendaFrozen = DomainEvent<typeof AgendaEventType.Frozen, AgendaFrozenData>;
export type AgendaReopened = DomainEvent<typeof AgendaEventType.Reopened, AgendaReopenedData>;

export type AgendaEvent = AgendaPrepared | AgendaItemAdded | AgendaItemRemoved | AgendaItemsReordered | AgendaFrozen | AgendaReopened;
