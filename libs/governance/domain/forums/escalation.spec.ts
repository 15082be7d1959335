import { describe, expect, it } from '@jest/globals';
import { NoParentForum } from './errors.js';
import { escalationTarget } from './escalation.js';
import { forumDecider } from './forum-decider.js';
import type { Forum } from './forum-state.js';
import { forumEstablished, PARENT_FORUM_ID } from './testing/fixtures.js';

describe('escalationTarget', () => {
  it('is the parent forum', () => {
    const forum = forumDecider.evolve(forumDecider.initialState(), forumEstablished()) as Forum;
    expect(escalationTarget(forum)).toBe(PARENT_FORUM_ID);
  });

  it('a forum without a parent cannot escalate', () => {
    expect(() => escalationTarget({ forumId: 'herning-directorate', parentForumId: null })).toThrow(NoParentForum);
    expect(() => escalationTarget({ forumId: 'herning-directorate', parentForumId: null })).toThrow(
      'forum herning-directorate has no parent forum to escalate to',
    );
  });
});
