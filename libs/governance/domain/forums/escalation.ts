import { NoParentForum } from './errors.js';

/** Where a matter beyond the forum's mandate goes: the parent forum. A top forum has nowhere to escalate to. */
export function escalationTarget(forum: { readonly forumId: string; readonly parentForumId: string | null }): string {
  if (forum.parentForumId === null) throw new NoParentForum(forum.forumId);
  return forum.parentForumId;
}
