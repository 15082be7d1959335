import type { GovernanceSlice } from '../governance-slice.js';
import { FORUM_COMMAND_HANDLERS } from './application/forum-command.handlers.js';
import { FORUM_QUERY_HANDLERS } from './application/forum-queries.js';
import { ForumReader } from './application/forum-reader.js';
import { forumProblemMapper } from './http/forum-problem.mapper.js';
import { ForumsController } from './http/forums.controller.js';
import { ForumSummary } from './read-models/forum-summary.entity.js';
import { ForumSummaryProjection } from './read-models/forum-summary.projection.js';

/** Forums: set-up, mandate, decision rule, membership over time, the mandate check; the `forum_summaries` list. */
export const forumsSlice: GovernanceSlice = {
  controllers: [ForumsController],
  providers: [...FORUM_COMMAND_HANDLERS, ...FORUM_QUERY_HANDLERS, ForumReader],
  exports: [ForumReader],
  entities: [ForumSummary],
  problemMappers: [forumProblemMapper],
  projections: () => [new ForumSummaryProjection()],
};
