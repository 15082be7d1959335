import { FORUM_ROLES, type ForumRole, type Role } from './roles.js';

/** Where in the request a value is found: a path parameter, a query parameter or a field of the JSON body. */
export interface RequestValue {
  readonly in: 'param' | 'query' | 'body';
  readonly name: string;
}

export const param = (name: string): RequestValue => ({ in: 'param', name });
export const query = (name: string): RequestValue => ({ in: 'query', name });
export const body = (name: string): RequestValue => ({ in: 'body', name });

/** The forum a request concerns: named directly, or the forum whose calendar holds a meeting. */
export type ForumScope = { readonly forumId: RequestValue } | { readonly meetingId: RequestValue };
/** The department a request concerns: named directly, or the department of a proposal (or of its project). */
export type DepartmentScope = { readonly departmentId: RequestValue } | { readonly proposalId: RequestValue };

/** A grant that applies only when a body field has one value (an assessment's kind, say). */
export interface BodyCondition {
  readonly field: string;
  readonly equals: string;
}

/** One way to be let through; a route's policy lists several, and any one suffices. */
export interface ForumGrant {
  readonly kind: 'forum';
  readonly roles: readonly ForumRole[];
  readonly forum: ForumScope;
  readonly onlyIf?: BodyCondition;
}
export interface DepartmentGrant {
  readonly kind: 'department';
  readonly department: DepartmentScope;
  readonly onlyIf?: BodyCondition;
}
export type Grant =
  | { readonly kind: 'role'; readonly role: Role }
  | { readonly kind: 'anyone' }
  | ForumGrant
  | DepartmentGrant
  | { readonly kind: 'collaboration'; readonly collaborationId: RequestValue };

export const role = (r: Role): Grant => ({ kind: 'role', role: r });

/** Anyone signed in (organisation scope still applies: they see their own organisation's data). */
export const anyone = (): Grant => ({ kind: 'anyone' });

/** Whoever holds one of `roles` (all forum roles when none are named) in the forum the request concerns, today. */
export const inForum = (forum: ForumScope, ...roles: ForumRole[]): ForumGrant => ({ kind: 'forum', forum, roles: roles.length > 0 ? roles : FORUM_ROLES });

/** A department member acting on the department its token names. */
export const ownDepartment = (department: DepartmentScope): DepartmentGrant => ({ kind: 'department', department });

/** A member organisation of the collaboration the request concerns. */
export const collaborationMember = (collaborationId: RequestValue): Grant => ({ kind: 'collaboration', collaborationId });

/** Narrows a forum or department grant to requests whose body field `field` is `equals`. */
export function onlyIf<G extends ForumGrant | DepartmentGrant>(grant: G, field: string, equals: string): G {
  return { ...grant, onlyIf: { field, equals } };
}
