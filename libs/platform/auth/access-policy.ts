import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { anyone, body, inForum, onlyIf, ownDepartment, param, query, role, type Grant } from './grants.js';
import { Role } from './roles.js';

/**
 * Who may call what: every rule of the API, by name. A handler declares its rule next to itself with
 * `@Allow(AccessPolicy.draftProposal)` (or `@Public()`); the global `AccessGuard` refuses every route that declares
 * neither, so an endpoint added without a rule fails closed. The programme office runs the process and may do
 * everything; directors and auditors read; auditors alone (with the programme office) read histories.
 * Organisation scope is not decided here: each handler still serves only its acting organisation's data.
 */
export const ACCESS_POLICY = Symbol('access-policy');

/** The route's policy: any one of its grants lets a request through. */
export interface RoutePolicy {
  readonly public: boolean;
  readonly grants: readonly Grant[];
}

type GrantLike = Role | Grant | readonly (Role | Grant)[];

/** The OpenAPI security scheme protected operations name. */
export const BEARER_SCHEME = 'bearer';

/** Lets through a signed-in caller that any one of the grants (or roles) admits; documents it in OpenAPI. */
export const Allow = (...grants: GrantLike[]) =>
  applyDecorators(
    SetMetadata<symbol, RoutePolicy>(ACCESS_POLICY, { public: false, grants: grants.flat().map(toGrant) }),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'No bearer token, or one that is refused (`WWW-Authenticate: Bearer`).' }),
    ApiForbiddenResponse({ description: 'The caller\'s roles do not allow this.' }),
  );

/** Anyone, signed in or not (health probes, metrics). */
export const Public = () => SetMetadata<symbol, RoutePolicy>(ACCESS_POLICY, { public: true, grants: [] });

function toGrant(g: Role | Grant): Grant {
  return typeof g === 'string' ? role(g) : g;
}

const PO = Role.ProgrammeOffice;
const READERS = [PO, Role.Director, Role.Auditor];
const forumOf = (name: string) => ({ forumId: param(name) });
const forumOfMeeting = { meetingId: param('meetingId') };
const proposalOf = (name: string) => ({ proposalId: param(name) });
/** Those who run a forum's meetings: its chair and its secretary. */
const running = (scope: Parameters<typeof inForum>[0]) => inForum(scope, Role.ForumChair, Role.ForumSecretary);

export const AccessPolicy = {
  // proposals: the programme office, and a department for its own
  draftProposal: [PO, ownDepartment({ departmentId: body('departmentId') })],
  listProposals: [...READERS, ownDepartment({ departmentId: query('departmentId') })],
  readProposal: [...READERS, ownDepartment(proposalOf('id'))],
  readProposalHistory: [PO, Role.Auditor, ownDepartment(proposalOf('id'))],
  changeProposal: [PO, ownDepartment(proposalOf('id'))],

  // organisations and departments: set up by an administrator or the programme office, read by everyone in them
  setUpOrganisation: [PO, Role.Administrator],
  readOrganisation: [anyone()],

  // forums
  setUpForum: [PO, Role.Administrator],
  readForum: [anyone()],
  readForumMembers: [...READERS, Role.Administrator, inForum(forumOf('id'))],
  checkForumMandate: [...READERS, inForum(forumOf('id'))],

  // meetings and agendas: run by the forum's chair and secretary; read by its members
  readForumMeetings: [...READERS, inForum(forumOf('forumId'))],
  runForumMeetings: [PO, running(forumOf('forumId'))],
  readMeeting: [...READERS, inForum(forumOfMeeting)],
  runMeeting: [PO, running(forumOfMeeting)],

  // decisions and the views built on them
  recordDecision: [PO, running(forumOfMeeting)],
  readProject: [...READERS, ownDepartment(proposalOf('proposalId'))],
  readDirectorsPortfolio: READERS,
  readForumPortfolio: [...READERS, inForum(forumOf('forumId'))],

  // prioritisation: departments score their own proposals, a forum's voting members score for the forum
  manageScoringModels: [PO],
  readScoringModels: [anyone()],
  scoreProposal: [
    PO,
    onlyIf(ownDepartment(proposalOf('proposalId')), 'assessorKind', 'department'),
    onlyIf(inForum({ forumId: body('forumId') }, Role.ForumChair, Role.ForumMember), 'assessorKind', 'forum'),
  ],
  readScores: [...READERS, ownDepartment(proposalOf('proposalId')), inForum({ forumId: query('forumId') })],
  readForumRanking: [...READERS, inForum(forumOf('forumId'))],

  // funding pools: kept by the programme office
  manageFundingPools: [PO],
  readFundingPools: READERS,
} as const satisfies Record<string, readonly (Role | Grant)[]>;
