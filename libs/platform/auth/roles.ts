/**
 * The roles the service knows (DOMAIN.md, "Who uses it"). A token's roles claim carries the organisation-wide ones;
 * the forum roles are not taken from the token: they are read from the forum's membership, as of today, for the
 * forum a request concerns (a chair of one forum is nobody in another).
 */
export const Role = {
  ProgrammeOffice: 'programme_office',
  /** Acts for the department its token names, and only for that one. */
  DepartmentMember: 'department_member',
  ForumChair: 'forum_chair',
  ForumMember: 'forum_member',
  ForumSecretary: 'forum_secretary',
  /** Reads the whole organisation's portfolio. */
  Director: 'director',
  /** Reads everything of the organisation, history included; changes nothing. */
  Auditor: 'auditor',
  /** Sets up organisations, departments and forums. */
  Administrator: 'administrator',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles a token may grant by itself. */
export const TOKEN_ROLES: readonly Role[] = [Role.ProgrammeOffice, Role.DepartmentMember, Role.Director, Role.Auditor, Role.Administrator];

/** A membership role of the forums context (`chair`, `member`, `secretary`) as the role it gives in that forum. */
export const FORUM_ROLE_OF_MEMBERSHIP: Readonly<Record<string, ForumRole>> = {
  chair: Role.ForumChair,
  member: Role.ForumMember,
  secretary: Role.ForumSecretary,
};

export type ForumRole = typeof Role.ForumChair | typeof Role.ForumMember | typeof Role.ForumSecretary;
export const FORUM_ROLES: readonly ForumRole[] = [Role.ForumChair, Role.ForumMember, Role.ForumSecretary];
