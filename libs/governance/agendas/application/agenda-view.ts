import type { RecordedEvent } from '../../../event-store/index.js';
import {
  AgendaEventType,
  verifyPack,
  type AgendaEvent,
  type AgendaItem,
  type AgendaPack,
  type AgendaState,
  type ExistingAgenda,
} from '../../domain/agendas/index.js';
import { organisationOf } from '../../meetings/application/organisation-scope.js';
import { agendaDecider } from './agenda-stream.js';

export interface AgendaItemView extends AgendaItem {
  /** 1-based position on the agenda. */
  readonly order: number;
}

/** A frozen revision in the agenda's list: what the forum was sent, when, by whom, and whether it still stands. */
export interface FrozenRevisionSummary {
  readonly revision: number;
  readonly contentHash: string;
  readonly hashAlgorithm: string;
  readonly canonicalisation: string;
  readonly frozenAt: string;
  readonly frozenBy: string;
  /** True for the pack the agenda stands on now; false once reopened. */
  readonly standing: boolean;
  /** Why it was superseded; null while it stands. */
  readonly reopenReason: string | null;
}

/** A meeting's agenda as the API shows it: the current draft (or frozen items) and every frozen revision. */
export interface AgendaView {
  readonly meetingId: string;
  readonly forumId: string;
  readonly status: 'draft' | 'frozen';
  /** The revision being prepared (draft) or standing (frozen). */
  readonly revision: number;
  /** The agenda stream's version (the ETag). */
  readonly version: number;
  readonly items: readonly AgendaItemView[];
  readonly frozenRevisions: readonly FrozenRevisionSummary[];
}

/** One frozen revision in full: the pack exactly as recorded, its hash, and whether the hash still matches it. */
export interface AgendaRevisionView extends FrozenRevisionSummary {
  readonly meetingId: string;
  readonly forumId: string;
  readonly pack: AgendaPack;
  /** verifyPack(pack, contentHash): recomputed now from the pack as read back from the log. */
  readonly verified: boolean;
}

export interface FoldedAgenda {
  readonly state: ExistingAgenda;
  /** The organisation that owns the agenda (first event's metadata). */
  readonly organisationId: string | null;
  readonly view: AgendaView;
  readonly revisions: readonly AgendaRevisionView[];
}

/** Null when the stream holds no agenda. */
export function foldAgenda(events: readonly RecordedEvent[]): FoldedAgenda | null {
  let state: AgendaState = agendaDecider.initialState();
  const frozenAt = new Map<number, { at: string; by: string }>();
  for (const e of events) {
    state = agendaDecider.evolve(state, { type: e.type, data: e.data } as AgendaEvent);
    if (e.type === AgendaEventType.Frozen) {
      frozenAt.set((e.data as { revision: number }).revision, { at: e.recordedAt.toISOString(), by: e.metadata.actor.subject });
    }
  }
  if (state.status === 'none') return null;
  const agenda = state;
  const revisions = agenda.frozenRevisions.map((frozen): AgendaRevisionView => {
    const when = frozenAt.get(frozen.revision)!;
    return {
      meetingId: agenda.meetingId,
      forumId: agenda.forumId,
      revision: frozen.revision,
      contentHash: frozen.contentHash,
      hashAlgorithm: frozen.hashAlgorithm,
      canonicalisation: frozen.canonicalisation,
      frozenAt: when.at,
      frozenBy: when.by,
      standing: agenda.status === 'frozen' && agenda.revision === frozen.revision,
      reopenReason: frozen.reopenReason,
      pack: frozen.pack,
      verified: verifyPack(frozen.pack, frozen.contentHash),
    };
  });
  const view: AgendaView = {
    meetingId: agenda.meetingId,
    forumId: agenda.forumId,
    status: agenda.status,
    revision: agenda.revision,
    version: events.at(-1)!.streamPosition,
    items: agenda.items.map((item, index) => ({ ...item, order: index + 1 })),
    frozenRevisions: revisions.map(({ meetingId: _m, forumId: _f, pack: _p, verified: _v, ...summary }) => summary),
  };
  return { state: agenda, organisationId: organisationOf(events[0]), view, revisions };
}
