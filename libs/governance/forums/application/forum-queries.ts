import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  checkMandate,
  describeMandateBreach,
  escalationTarget,
  membersOn,
  type ForumKind,
  type MandateBreach,
  type MandatedMatter,
  type MemberOnDate,
} from '../../domain/forums/index.js';
import type { IsoDate } from '../../domain/forums/calendar-date.js';
import { listForums, type ForumListPage, type ForumListQuery } from '../read-models/forum-list.query.js';
import { calendarDay } from './calendar-day.js';
import { ForumReader } from './forum-reader.js';
import { toForumView, type ForumView } from './forum-view.js';
import { toMemberView, type MemberView } from './member-view.js';

/** A forum read from its own stream: its set-up and today's members. */
export class GetForumQuery extends Query<ForumView> {
  constructor(readonly forumId: string, readonly organisationId: string) {
    super();
  }
}

export interface ForumMembersOnDate {
  readonly forumId: string;
  readonly on: IsoDate;
  readonly members: readonly MemberOnDate[];
  /** The forum version the answer is based on. */
  readonly version: number;
}

/** Who sat in the forum on a day (today when not given), with the role each held. */
export class GetForumMembersQuery extends Query<ForumMembersOnDate> {
  constructor(readonly forumId: string, readonly organisationId: string, readonly on?: IsoDate) {
    super();
  }
}

export class GetForumMemberQuery extends Query<MemberView> {
  constructor(readonly forumId: string, readonly organisationId: string, readonly memberId: string) {
    super();
  }
}

export interface MandateCheckReason {
  readonly code: MandateBreach['code'];
  readonly description: string;
  readonly [detail: string]: unknown;
}

/** Whether a matter is within a forum's mandate, why not, and where it would go instead. */
export interface MandateCheckAnswer {
  readonly forumId: string;
  /** The forum version whose mandate was applied. */
  readonly version: number;
  readonly matter: Required<{ [K in keyof MandatedMatter]: MandatedMatter[K] | null }>;
  readonly withinMandate: boolean;
  /** Every reason the matter is outside the mandate, in a fixed order (kind, area, department, amount); empty when within. */
  readonly reasons: readonly MandateCheckReason[];
  /** The parent forum, when the matter is outside the mandate and the forum has one; null otherwise. */
  readonly escalateTo: { readonly forumId: string; readonly name: string | null; readonly kind: ForumKind | null } | null;
}

/** A question, not a command: nothing is recorded. */
export class CheckForumMandateQuery extends Query<MandateCheckAnswer> {
  constructor(readonly forumId: string, readonly organisationId: string, readonly matter: MandatedMatter) {
    super();
  }
}

export class ListForumsQuery extends Query<ForumListPage> {
  constructor(readonly criteria: ForumListQuery) {
    super();
  }
}

@QueryHandler(GetForumQuery)
export class GetForumHandler implements IQueryHandler<GetForumQuery> {
  constructor(private readonly reader: ForumReader) {}
  async execute(q: GetForumQuery): Promise<ForumView> {
    return toForumView(await this.reader.load(q.forumId, q.organisationId), calendarDay());
  }
}

@QueryHandler(GetForumMembersQuery)
export class GetForumMembersHandler implements IQueryHandler<GetForumMembersQuery> {
  constructor(private readonly reader: ForumReader) {}
  async execute(q: GetForumMembersQuery): Promise<ForumMembersOnDate> {
    const on = q.on ?? calendarDay();
    const { forum, version } = await this.reader.load(q.forumId, q.organisationId);
    return { forumId: forum.forumId, on, members: membersOn(forum, on), version };
  }
}

@QueryHandler(GetForumMemberQuery)
export class GetForumMemberHandler implements IQueryHandler<GetForumMemberQuery> {
  constructor(private readonly reader: ForumReader) {}
  async execute(q: GetForumMemberQuery): Promise<MemberView> {
    return toMemberView(await this.reader.load(q.forumId, q.organisationId), q.memberId);
  }
}

@QueryHandler(CheckForumMandateQuery)
export class CheckForumMandateHandler implements IQueryHandler<CheckForumMandateQuery> {
  constructor(private readonly reader: ForumReader) {}
  async execute(q: CheckForumMandateQuery): Promise<MandateCheckAnswer> {
    const { forum, version } = await this.reader.load(q.forumId, q.organisationId);
    const matter = { kind: q.matter.kind, amount: q.matter.amount ?? null, area: q.matter.area ?? null, departmentId: q.matter.departmentId ?? null };
    const check = checkMandate(forum.mandate, matter);
    const answer = { forumId: forum.forumId, version, matter };
    if (check.allowed) return { ...answer, withinMandate: true, reasons: [], escalateTo: null };
    let escalateTo: MandateCheckAnswer['escalateTo'] = null;
    if (forum.parentForumId !== null) {
      const targetId = escalationTarget(forum);
      const parent = await this.reader.find(targetId, q.organisationId);
      escalateTo = { forumId: targetId, name: parent?.forum.name ?? null, kind: parent?.forum.kind ?? null };
    }
    const reasons = check.reasons.map((breach) => ({ ...breach, description: describeMandateBreach(breach) }));
    return { ...answer, withinMandate: false, reasons, escalateTo };
  }
}

@QueryHandler(ListForumsQuery)
export class ListForumsHandler implements IQueryHandler<ListForumsQuery> {
  constructor(private readonly dataSource: DataSource) {}
  execute(q: ListForumsQuery): Promise<ForumListPage> {
    return listForums(this.dataSource, q.criteria);
  }
}

export const FORUM_QUERY_HANDLERS = [
  GetForumHandler,
  GetForumMembersHandler,
  GetForumMemberHandler,
  CheckForumMandateHandler,
  ListForumsHandler,
];
