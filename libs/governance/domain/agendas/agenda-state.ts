import type { AgendaItem } from './agenda-item.js';
import type { AgendaPack } from './agenda-pack.js';

/** draft: items can change; frozen: the pack stands until an explicit reopen. */
export type AgendaStatus = 'draft' | 'frozen';

export interface NoAgenda {
  readonly status: 'none';
}

/** A pack as frozen. Every revision stays, so a decision taken on revision 1 can always be shown its pack. */
export interface FrozenAgendaRevision {
  readonly revision: number;
  readonly pack: AgendaPack;
  readonly contentHash: string;
  readonly hashAlgorithm: 'sha256';
  readonly canonicalisation: 'sorted-keys-json-v1';
  /** Why it was superseded; null while it is the agenda's standing pack. */
  readonly reopenReason: string | null;
}

export interface ExistingAgenda {
  readonly status: AgendaStatus;
  readonly meetingId: string;
  readonly forumId: string;
  readonly items: readonly AgendaItem[];
  /** The revision being prepared (draft) or standing (frozen); starts at 1. */
  readonly revision: number;
  /** Oldest first. */
  readonly frozenRevisions: readonly FrozenAgendaRevision[];
}

export type AgendaState = NoAgenda | ExistingAgenda;

export function initialAgendaState(): AgendaState {
  return { status: 'none' };
}

/** The pack frozen as `revision`, or null if there is no such revision. */
export function frozenRevision(state: AgendaState, revision: number): FrozenAgendaRevision | null {
  if (state.status === 'none') return null;
  return state.frozenRevisions.find((frozen) => frozen.revision === revision) ?? null;
}

/** The most recent frozen pack (superseded or not), or null if the agenda was never frozen. */
export function latestFrozenRevision(state: AgendaState): FrozenAgendaRevision | null {
  if (state.status === 'none') return null;
  return state.frozenRevisions.at(-1) ?? null;
}

/** The revision numbers that have been frozen, ascending: what a decision may point to. */
export function frozenRevisionNumbers(state: AgendaState): number[] {
  return state.status === 'none' ? [] : state.frozenRevisions.map((frozen) => frozen.revision);
}
