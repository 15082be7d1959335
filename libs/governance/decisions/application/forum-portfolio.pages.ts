import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProjectionRuntime } from '../../../projections/index.js';
import { ForumPortfolioReader, type ForumPortfolio } from './forum-portfolio.reader.js';

/** The read models a forum's view is derived from; when none of them moved, the view has not changed. */
export const FORUM_VIEW_PROJECTIONS = ['portfolio_projects', 'forum_rankings', 'scoring_models', 'funding_pools', 'meetings'] as const;

/** The view keeps every scheduled meeting; which are still to come is decided per request, as time passes. */
const EVERY_SCHEDULED_MEETING = new Date(0);

/** How many forums' views are kept in memory at most; the least recently read goes first. */
const MAX_CACHED_FORUMS = 64;

export interface ForumPortfolioPageRequest {
  readonly organisationId: string;
  readonly forumId: string;
  /** Index of the first request in the forum's list: its prioritised requests in rank order, then the unprioritised. */
  readonly offset: number;
  readonly limit: number;
  readonly now?: Date;
}

export interface ForumPortfolioPage {
  /** The answer, encoded once per view and page: a forum view is read far more often than it changes. */
  readonly body: Buffer;
  /** Changes whenever the body can: the view's read-model positions, the page and the meetings still to come. */
  readonly etag: string;
  readonly nextOffset: number | null;
}

/** One forum's view, derived once from the read models at `positions`, with each row serialised in advance. */
interface DerivedView {
  readonly positions: string;
  readonly version: string;
  readonly head: string;
  readonly rows: readonly string[];
  readonly prioritisedTotal: number;
  readonly meetings: readonly { readonly startsAt: number; readonly json: string }[];
  /** Pages already answered from this view, by offset, limit and how many meetings were still to come. */
  readonly pages: Map<string, ForumPortfolioPage>;
}

/** Pages kept per view; clients mostly read the first few with the default limit. */
const MAX_CACHED_PAGES = 32;

/**
 * Serves a forum's portfolio page by page from a view derived once per change of its read models. Ranking 10,000
 * proposals costs hundreds of milliseconds; a forum's members read the same view many times between changes, so each
 * instance keeps the derived view and its serialised rows until a projection the view reads from advances.
 * Concurrent readers of a stale view share one derivation.
 */
@Injectable()
export class ForumPortfolioPages {
  private readonly views = new Map<string, Promise<DerivedView>>();

  constructor(
    private readonly reader: ForumPortfolioReader,
    private readonly runtime: ProjectionRuntime,
  ) {}

  async page(request: ForumPortfolioPageRequest): Promise<ForumPortfolioPage> {
    const view = await this.view(request.organisationId, request.forumId);
    const now = (request.now ?? new Date()).getTime();
    const upcoming = view.meetings.filter((m) => m.startsAt >= now);
    const key = `${request.offset}:${request.limit}:${upcoming.length}`;
    const known = view.pages.get(key);
    if (known) return known;
    const end = Math.min(view.rows.length, request.offset + request.limit);
    const prioritisedEnd = Math.min(end, view.prioritisedTotal);
    const prioritised = view.rows.slice(Math.min(request.offset, prioritisedEnd), prioritisedEnd);
    const unprioritised = view.rows.slice(Math.max(request.offset, view.prioritisedTotal), Math.max(end, view.prioritisedTotal));
    const nextOffset = end < view.rows.length ? end : null;
    const page = {
      offset: request.offset,
      limit: request.limit,
      prioritisedTotal: view.prioritisedTotal,
      unprioritisedTotal: view.rows.length - view.prioritisedTotal,
      nextCursor: nextOffset === null ? null : encodeOffset(nextOffset),
    };
    const body =
      `${view.head},"prioritised":[${prioritised.join(',')}],"unprioritised":[${unprioritised.join(',')}],` +
      `"upcomingMeetings":[${upcoming.map((m) => m.json).join(',')}],"page":${JSON.stringify(page)}}`;
    const answer = { body: Buffer.from(body), etag: `"${view.version}-${request.offset}-${request.limit}-${upcoming.length}"`, nextOffset };
    if (view.pages.size >= MAX_CACHED_PAGES) view.pages.clear();
    view.pages.set(key, answer);
    return answer;
  }

  private async view(organisationId: string, forumId: string): Promise<DerivedView> {
    const key = `${organisationId}\u0000${forumId}`;
    const positions = await this.runtime.positionsOf(FORUM_VIEW_PROJECTIONS);
    const cached = this.views.get(key);
    if (cached) {
      const view = await cached.catch(() => null);
      if (view?.positions === positions) {
        this.touch(key, cached);
        return view;
      }
      if (this.views.get(key) !== cached) return this.view(organisationId, forumId); // another reader re-derived it
    }
    // The positions are read before the read models, so a view is never older than the positions it is kept under.
    const derived = this.reader.read(organisationId, forumId, EVERY_SCHEDULED_MEETING).then((portfolio) => derive(portfolio, positions));
    this.touch(key, derived);
    derived.catch(() => this.views.get(key) === derived && this.views.delete(key));
    return derived;
  }

  private touch(key: string, view: Promise<DerivedView>): void {
    this.views.delete(key);
    this.views.set(key, view);
    if (this.views.size > MAX_CACHED_FORUMS) this.views.delete(this.views.keys().next().value!);
  }
}

function derive(portfolio: ForumPortfolio, positions: string): DerivedView {
  const head = JSON.stringify({ forumId: portfolio.forumId, scoringModel: portfolio.scoringModel, pools: portfolio.pools }).slice(0, -1);
  const rows = [...portfolio.prioritised, ...portfolio.unprioritised].map((row) => JSON.stringify(row));
  return {
    positions,
    version: createHash('sha256').update(positions).update(portfolio.forumId).digest('base64url').slice(0, 16),
    head,
    rows,
    prioritisedTotal: portfolio.prioritised.length,
    meetings: portfolio.upcomingMeetings.map((m) => ({ startsAt: Date.parse(m.startsAt), json: JSON.stringify(m) })),
    pages: new Map(),
  };
}

/** Cursors are the offset of the next request in the list: ranks are positions, so paging by position is exact. */
export function encodeOffset(offset: number): string {
  return `o${offset}`;
}

/** The offset a cursor names, or null when it is no cursor this view handed out. */
export function decodeOffset(cursor: string): number | null {
  const match = /^o(\d{1,9})$/.exec(cursor);
  return match ? Number(match[1]) : null;
}
