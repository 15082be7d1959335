import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../../event-store/index.js';
import { ForumNotFound, membersOn, type Forum, type ForumEvent, type MemberOnDate } from '../../domain/forums/index.js';
import type { IsoDate } from '../../domain/forums/calendar-date.js';
import { forumDecider, forumStream } from './forum-stream.js';

/** A forum folded from its stream: the domain state (mandate, decision rule, every membership), its version and times. */
export interface LoadedForum {
  /** The domain's `Forum`: pass it to `membersOn`, `votingMembersOn`, `chairOn`, `checkMandate`, `escalationTarget`. */
  readonly forum: Forum;
  /** The stream version: the forum's ETag, and what a decision taken on this state should record. */
  readonly version: number;
  readonly establishedAt: Date;
  readonly updatedAt: Date;
  /** The stream's events up to `version`, with their metadata (who, why, when). */
  readonly events: readonly RecordedEvent[];
}

export interface LoadForumOptions {
  /** The forum as it stood at this version of its stream (what a meeting saw). */
  readonly toVersion?: number;
}

/**
 * Reads forums from their streams for application code: this context's handlers and others (meetings, agendas,
 * decisions). Always current (or as of a version), never a read model that may lag. Organisation-scoped: a forum of
 * another organisation is "not found", exactly like one that does not exist.
 */
@Injectable()
export class ForumReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The forum, or null when there is none of `organisationId` with this id (as of `toVersion`). */
  async find(forumId: string, organisationId: string, options: LoadForumOptions = {}): Promise<LoadedForum | null> {
    const events = await this.store.readStream(forumStream(forumId), { toVersion: options.toVersion });
    let state = forumDecider.initialState();
    for (const e of events) state = forumDecider.evolve(state, { type: e.type, data: e.data } as ForumEvent);
    if (state.status === 'none' || state.organisationId !== organisationId) return null;
    const version = events[events.length - 1].streamPosition;
    // a version the forum never reached is not a state it was in
    if (options.toVersion !== undefined && version < options.toVersion) return null;
    return { forum: state, version, establishedAt: events[0].recordedAt, updatedAt: events[events.length - 1].recordedAt, events };
  }

  /** The forum; ForumNotFound (404) when there is none of `organisationId` with this id. */
  async load(forumId: string, organisationId: string, options: LoadForumOptions = {}): Promise<LoadedForum> {
    const loaded = await this.find(forumId, organisationId, options);
    if (!loaded) throw new ForumNotFound(forumId);
    return loaded;
  }

  /** Who sat in the forum on `date`, with the role each held that day, and the version the answer is based on. */
  async membersOn(forumId: string, organisationId: string, date: IsoDate): Promise<{ readonly members: MemberOnDate[]; readonly version: number }> {
    const { forum, version } = await this.load(forumId, organisationId);
    return { members: membersOn(forum, date), version };
  }
}
