/** Upper bounds and shapes of governance request content: generous for real use, small enough to refuse abuse. */
export const GOVERNANCE_LIMITS = {
  name: 200,
  reason: 2_000,
  email: 254,
  /** Departments a mandate may list. */
  departments: 200,
} as const;

/**
 * Ids callers choose for organisations and departments: they travel in headers and paths, so lower-case letters,
 * digits and hyphens only (`herning`, `citizen-service`).
 */
export const SLUG = /^[a-z0-9-]{2,64}$/;
export const SLUG_MESSAGE = 'must be 2 to 64 lower-case letters, digits or hyphens';

/**
 * Ids callers choose for forum members: stable across memberships, safe in a path. Not an e-mail address: the id
 * is not personal data that could be shredded, the person's details are.
 */
/** A member is known by the subject of their token (often an e-mail address or a UUID), so that forum roles follow the identity. */
export const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;
export const MEMBER_ID_MESSAGE = 'must be 1 to 100 letters, digits, dots, underscores, hyphens, plus signs or at signs, starting with a letter or digit (the subject of the member\'s token)';

/** At least one non-space character. */
export const NOT_BLANK = /\S/;
