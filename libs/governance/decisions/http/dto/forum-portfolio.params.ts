import { PageCursor, PageLimit } from '../../../../platform/index.js';

/** A page of a forum's list: its prioritised requests in rank order, then its unprioritised ones. */
export class ForumPortfolioParams {
  @PageLimit(500, 50)
  limit?: number;

  @PageCursor()
  cursor?: string;
}
