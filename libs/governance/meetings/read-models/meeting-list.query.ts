import type { DataSource } from 'typeorm';

export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held'] as const;

export interface MeetingListQuery {
  readonly organisationId: string;
  readonly forumId: string;
  /** Local dates 'YYYY-MM-DD', inclusive, of the day each meeting (now) starts on in its zone. */
  readonly from?: string;
  readonly to?: string;
  readonly status?: readonly string[];
  readonly limit: number;
  readonly cursor?: string;
}

export interface MeetingListItem {
  readonly meetingId: string;
  readonly forumId: string;
  readonly origin: string;
  readonly plannedDate: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly status: string;
  readonly cancellationReason: string | null;
  readonly moveReason: string | null;
  /** Where the meeting's agenda stands; null when none is prepared. */
  readonly agenda: {
    readonly status: string;
    readonly revision: number;
    readonly itemCount: number;
    readonly frozenRevisions: number;
    readonly latestContentHash: string | null;
  } | null;
}

export interface MeetingListPage {
  readonly items: MeetingListItem[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidMeetingCursorError extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidMeetingCursorError';
  }
}

interface Cursor {
  readonly t: string;
  readonly id: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t !== 'string' || Number.isNaN(Date.parse(c.t)) || typeof c.id !== 'string') throw new Error();
    return c;
  } catch {
    throw new InvalidMeetingCursorError();
  }
}

interface Row {
  meeting_id: string;
  forum_id: string;
  origin: string;
  planned_date: string;
  starts_at: Date;
  starts_at_local: string;
  ends_at_local: string;
  time_zone: string;
  status: string;
  cancellation_reason: string | null;
  move_reason: string | null;
  agenda_status: string | null;
  agenda_revision: number | null;
  agenda_item_count: number | null;
  agenda_frozen_revisions: number | null;
  agenda_content_hash: string | null;
}

/** A forum's meetings soonest first (ties by id), keyset-paginated over (starts_at, meeting_id). */
export async function listMeetings(dataSource: DataSource, q: MeetingListQuery): Promise<MeetingListPage> {
  const where = ['m.organisation_id = $1', 'm.forum_id = $2'];
  const params: unknown[] = [q.organisationId, q.forumId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.from) where.push(`m.local_date >= ${param(q.from)}`);
  if (q.to) where.push(`m.local_date <= ${param(q.to)}`);
  if (q.status?.length) where.push(`m.status = ANY(${param([...q.status])}::text[])`);
  if (q.cursor) {
    const c = decode(q.cursor);
    where.push(`(m.starts_at, m.meeting_id) > (${param(new Date(c.t))}, ${param(c.id)}::uuid)`);
  }
  const rows: Row[] = await dataSource.query(
    `SELECT m.meeting_id, m.forum_id, m.origin, m.planned_date, m.starts_at, m.starts_at_local, m.ends_at_local, m.time_zone,
            m.status, m.cancellation_reason, m.move_reason,
            a.status AS agenda_status, a.revision AS agenda_revision, a.item_count AS agenda_item_count,
            a.frozen_revisions AS agenda_frozen_revisions, a.latest_content_hash AS agenda_content_hash
       FROM meetings m
       LEFT JOIN agenda_summaries a ON a.meeting_id = m.meeting_id AND a.organisation_id = m.organisation_id
      WHERE ${where.join(' AND ')}
      ORDER BY m.starts_at, m.meeting_id
      LIMIT ${param(q.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > q.limit && last ? encode({ t: new Date(last.starts_at).toISOString(), id: last.meeting_id }) : null,
  };
}

function toItem(r: Row): MeetingListItem {
  return {
    meetingId: r.meeting_id,
    forumId: r.forum_id,
    origin: r.origin,
    plannedDate: r.planned_date,
    startsAt: r.starts_at_local,
    endsAt: r.ends_at_local,
    timeZone: r.time_zone,
    status: r.status,
    cancellationReason: r.cancellation_reason,
    moveReason: r.move_reason,
    agenda:
      r.agenda_status === null
        ? null
        : {
            status: r.agenda_status,
            revision: Number(r.agenda_revision),
            itemCount: Number(r.agenda_item_count),
            frozenRevisions: Number(r.agenda_frozen_revisions),
            latestContentHash: r.agenda_content_hash,
          },
  };
}
