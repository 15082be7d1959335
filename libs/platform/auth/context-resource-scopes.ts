import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CollaborationMembershipReader } from '../../collaborations/application/collaboration-membership.reader.js';
import { GetForumMembersQuery } from '../../governance/forums/application/forum-queries.js';
import { GetMeetingQuery } from '../../governance/meetings/application/meeting-queries.js';
import { GetProposalQuery } from '../../proposals/application/proposal-queries.js';
import type { ResourceScopes } from './resource-scopes.js';
import { FORUM_ROLE_OF_MEMBERSHIP, type ForumRole } from './roles.js';

/**
 * Answers the access guard's questions through the owning contexts' own queries, so each answer is as current and
 * as organisation-scoped as the context's API (the forum as of today, read from its stream).
 */
@Injectable()
export class ContextResourceScopes implements ResourceScopes {
  constructor(
    private readonly queries: QueryBus,
    private readonly collaborations: CollaborationMembershipReader,
  ) {}

  async forumRoles(organisationId: string, forumId: string, subject: string): Promise<readonly ForumRole[]> {
    const { members } = await this.queries.execute(new GetForumMembersQuery(forumId, organisationId));
    return members.filter((m) => m.memberId === subject).map((m) => FORUM_ROLE_OF_MEMBERSHIP[m.role]);
  }

  async forumOfMeeting(organisationId: string, meetingId: string): Promise<string | null> {
    const { meeting } = await this.queries.execute(new GetMeetingQuery(meetingId, organisationId));
    return meeting.forumId;
  }

  async departmentOfProposal(organisationId: string, proposalId: string): Promise<string | null> {
    const proposal = await this.queries.execute(new GetProposalQuery(proposalId, organisationId));
    return proposal.form.departmentId ?? null;
  }

  /** A party today: a member, or the organisation that administers the collaboration. */
  isCollaborationMember(organisationId: string, collaborationId: string): Promise<boolean> {
    return this.collaborations.isParty(collaborationId, organisationId, new Date());
  }
}
