import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { DecisionRule, ForumKind, Mandate, MemberPerson, MemberRole } from '../../domain/forums/index.js';
import type { IsoDate } from '../../domain/forums/calendar-date.js';
import type { LoadedForum } from './forum-reader.js';

/** What every forum command answers: the forum after it, and where its events sit in the log. */
export interface ForumCommandResult {
  readonly forum: LoadedForum;
  /** Null when nothing was written (a command that changed nothing). */
  readonly position: LogPosition | null;
}

export class EstablishForumCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    readonly organisationId: string,
    readonly name: string,
    readonly kind: ForumKind,
    readonly parentForumId: string | null,
    readonly mandate: Mandate,
    readonly decisionRule: DecisionRule,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AmendForumMandateCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    /** The acting organisation: a forum of another one is not found. */
    readonly organisationId: string,
    readonly mandate: Mandate,
    /** Undefined for `If-Match: *`: the version read just before the write still guards it. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class ChangeForumDecisionRuleCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    readonly organisationId: string,
    readonly decisionRule: DecisionRule,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class JoinForumCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    readonly organisationId: string,
    readonly memberId: string,
    readonly person: MemberPerson,
    readonly role: MemberRole,
    readonly from: IsoDate,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class ChangeForumMemberRoleCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    readonly organisationId: string,
    readonly memberId: string,
    readonly role: MemberRole,
    readonly from: IsoDate,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class LeaveForumCommand extends Command<ForumCommandResult> {
  constructor(
    readonly forumId: string,
    readonly organisationId: string,
    readonly memberId: string,
    readonly to: IsoDate,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
