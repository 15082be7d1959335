import type { ForumRole } from './roles.js';

/**
 * What the access guard needs to know about the resources a request names, answered by the contexts that own them
 * (bound in `AccessModule`). Every answer is within one organisation: another organisation's forum, meeting or
 * proposal is unknown here, exactly as it is "not found" to its handlers.
 */
export interface ResourceScopes {
  /** The subject's roles in the forum today, from its membership (the member id is the token's subject). */
  forumRoles(organisationId: string, forumId: string, subject: string): Promise<readonly ForumRole[]>;
  /** The forum whose calendar holds the meeting; null when there is none of the organisation. */
  forumOfMeeting(organisationId: string, meetingId: string): Promise<string | null>;
  /** The department a proposal is for; null when there is none of the organisation. */
  departmentOfProposal(organisationId: string, proposalId: string): Promise<string | null>;
  /** Whether the organisation is a member of the collaboration today. */
  isCollaborationMember(organisationId: string, collaborationId: string): Promise<boolean>;
}

export const RESOURCE_SCOPES = Symbol('RESOURCE_SCOPES');
